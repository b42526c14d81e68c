import type { SlaPolicy } from '@shared/schemas/reference.schema';
import { formatDuration } from './duration';

/** Whole hours and minutes of a duration, for the two number boxes a target is typed into. */
export function splitSeconds(seconds: number): { hours: number; minutes: number } {
  const minutes = Math.round(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** Seconds from typed hours and minutes; an empty box counts as 0 unless both are empty. */
export function joinSeconds(hours: number | null, minutes: number | null): number | undefined {
  if (hours === null && minutes === null) return undefined;
  return Math.round(((hours ?? 0) * 60 + (minutes ?? 0)) * 60);
}

export type EscalationThreshold = { kind: 'percent'; percent: number } | { kind: 'due_offset'; offsetSeconds: number };

/** "75 % elapsed", "30 min before due", "at the due time", "2 h after due". */
export function describeThreshold(threshold: EscalationThreshold): string {
  if (threshold.kind === 'percent') return `${threshold.percent} % elapsed`;
  const { offsetSeconds } = threshold;
  if (offsetSeconds === 0) return 'at the due time';
  return `${formatDuration(Math.abs(offsetSeconds))} ${offsetSeconds < 0 ? 'before' : 'after'} due`;
}

interface MatchNames {
  category: (id: string) => string;
  customer: (id: string) => string;
}

/** "P1 · HVAC-FAIL · contract GOLD", or "Any order" for a catch-all policy. */
export function describeMatch(match: SlaPolicy['match'], names: MatchNames): string {
  const parts = [
    match.priority,
    match.categoryId && names.category(match.categoryId),
    match.customerId && names.customer(match.customerId),
    match.contractCode && `contract ${match.contractCode}`,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : 'Any order';
}

/** How many criteria a policy sets: the most specific matching policy wins (DOMAIN.md). */
export const specificity = (match: SlaPolicy['match']): number => Object.values(match).filter((v) => v !== null).length;

/** "UTC+01:00" for a zone right now (the offset changes with DST, so it is a hint, not part of the value). */
export function zoneOffset(zone: string, at = Date.now()): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'UTC+00:00' : (part?.value.replace('GMT', 'UTC') ?? '');
  } catch {
    return '';
  }
}

/** Every IANA zone the browser knows, UTC first. */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}

/** `YYYY-MM-DD` of an epoch instant in the browser's zone, and back (local midnight), for date pickers. */
export function localDateOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Fri 25 Dec 2026" for a calendar's local date (no zone involved: the date is the calendar's own). */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}
