import type { ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';

/** How figures read in the PDF. The CSV keeps them unformatted. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const count = (n: number): string => grouped.format(n);

/** A 0..1 ratio as a percentage with one decimal; a dash when there was nothing to count. */
export const percent = (ratio: number | null): string => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`);

/** "45 s", "12 min 05 s", "3 h 07 min", "2 d 4 h": precise enough to audit, short enough for a table cell. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(at: number, zone: string): Record<string, string> {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** `2026-03-02 14:05` in the report's zone (the zone is printed once, in the page header). */
export function dateTime(at: number | null, zone: string): string {
  if (at === null) return '—';
  const p = parts(at, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function date(at: number, zone: string): string {
  const p = parts(at, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `Priority P1 · Region North · all customers · all categories`: every filter named, so "all" is explicit too. */
export function filterLine(filters: ComplianceReport['filters']): string {
  return [
    filters.customer ? `Customer ${filters.customer.name}` : 'all customers',
    filters.priority ? `Priority ${filters.priority}` : 'all priorities',
    filters.region ? `Region ${filters.region.name}` : 'all regions',
    filters.category ? `Category ${filters.category.name} (${filters.category.code})` : 'all categories',
  ].join(' · ');
}

export function periodLine(period: ComplianceReport['period']): string {
  return `${dateTime(period.from, period.timeZone)} – ${dateTime(period.to, period.timeZone)} (${period.timeZone})`;
}

export const METRIC_LABELS = { response: 'Response', arrival: 'Arrival', resolution: 'Resolution' } as const;
