import type { AdherenceCounts } from '@shared/schemas/compliance-report.schema';
import { formatSpan } from '../../format/countdown';

export const REPORT_METRICS = ['response', 'arrival', 'resolution'] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];
export const METRIC_LABEL: Record<ReportMetric, string> = { response: 'Response', arrival: 'Arrival', resolution: 'Resolution' };
/** One hue per metric, the same in the headline, the tables' legend and the trend chart. */
export const METRIC_COLOR: Record<ReportMetric, string> = { response: '#2f6fde', arrival: '#0e9f6e', resolution: '#9b4dca' };

/** Adherence at or above this is on target; below the lower mark it needs a manager's attention. */
export const GOOD_ADHERENCE = 0.95;
export const POOR_ADHERENCE = 0.85;
export type AdherenceTone = 'good' | 'fair' | 'poor' | 'none';

/** "92.3 %", or "—" when nothing was counted (a ratio of nothing is no figure, not 0 %). */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`;
}

export function adherenceTone(ratio: number | null): AdherenceTone {
  if (ratio === null) return 'none';
  if (ratio >= GOOD_ADHERENCE) return 'good';
  return ratio >= POOR_ADHERENCE ? 'fair' : 'poor';
}

/** "41 met · 3 missed · 1 breached of 45". */
export function countsLine(counts: AdherenceCounts): string {
  return `${counts.met} met · ${counts.missed} missed · ${counts.breached} breached of ${counts.counted}`;
}

/** A duration in seconds, short: "45 s", "4 min 05 s", "23 min", "3 h 05", "2 d 4 h"; "—" when unknown. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '—' : formatSpan(seconds * 1000);
}

/** The first 12 hex digits of a hash: enough to compare by eye with the PDF, which prints the full value. */
export function shortHash(hash: string | null): string {
  return hash ? `${hash.slice(0, 12)}…` : '—';
}

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * The cap note of a table the report cuts: "1,234 in total; the 500 largest overruns are listed (the report's
 * cap)." when rows were left out, "All 12 listed." otherwise.
 */
export function capNote(table: { total: number; cap: number; rows: unknown[] }, what: string): string {
  if (table.total <= table.rows.length) return `All ${count(table.total)} listed.`;
  return `${count(table.total)} in total; the ${count(table.rows.length)} ${what} are listed (the report lists at most ${count(table.cap)}).`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "24 Nov 2026, 14:30" in the report's zone (the zone the report was asked to print in), 24-hour clock. */
export function formatInZone(at: number | null, timeZone: string, locale?: string): string {
  if (at === null) return '—';
  const key = `${locale ?? ''}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone });
    formatters.set(key, format);
  }
  return format.format(at);
}
