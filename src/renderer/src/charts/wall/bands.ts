/**
 * The wall's colours and the adherence bands every gauge, trend and tile shares. Read from five metres away on a
 * dark screen: saturated hues, never colour alone (each figure also carries its number).
 */
export const WALL = {
  bg: '#05070b',
  panel: '#0d1219',
  border: '#223041',
  grid: '#1c2633',
  text: '#ffffff',
  text2: '#d0dae4',
  muted: '#8b9aab',
  red: '#ff4d5e',
  amber: '#ffb020',
  green: '#2fd67b',
  blue: '#58a6ff',
  violet: '#c297ff',
  cyan: '#3fd8e0',
} as const;

/**
 * Adherence bands: red below 80 %, amber from 80 % up to 95 %, green from 95 % (the usual field-service target; the
 * floor is where a contract's penalty clauses typically start). A boundary value belongs to the better band.
 */
export const ADHERENCE_FLOOR = 0.8;
export const ADHERENCE_TARGET = 0.95;

export type Band = 'red' | 'amber' | 'green' | 'none';

export function adherenceBand(adherence: number | null): Band {
  if (adherence === null || Number.isNaN(adherence)) return 'none';
  if (adherence < ADHERENCE_FLOOR) return 'red';
  if (adherence < ADHERENCE_TARGET) return 'amber';
  return 'green';
}

export const BAND_COLOR: Record<Band, string> = { red: WALL.red, amber: WALL.amber, green: WALL.green, none: WALL.muted };

/** "93.4 %" from 0.9342; "—" when there is nothing to count. */
export function formatAdherence(adherence: number | null): string {
  if (adherence === null || Number.isNaN(adherence)) return '—';
  return `${(adherence * 100).toFixed(1)} %`;
}

/** One hue per SLA metric, the same on every page (never red, amber or green: those are the bands). */
export const METRIC_COLOR = { response: WALL.blue, arrival: WALL.violet, resolution: WALL.cyan } as const;
export const METRIC_LABEL = { response: 'Response', arrival: 'Arrival', resolution: 'Resolution' } as const;
export type Metric = keyof typeof METRIC_COLOR;
export const METRICS: readonly Metric[] = ['response', 'arrival', 'resolution'];
