/** Region fill by open-order count: a quiet grey for none, then four steps of a pale slate blue (never a marker's hue). */
export const SHADES = ['#f3f5f8', '#e1e9f3', '#c9d8ea', '#acc3df', '#8eabd1'] as const;

export interface ShadePiece {
  min: number;
  max?: number;
  label: string;
  color: string;
}

const NICE = [1, 2, 5];

/** The smallest 1-2-5 step that covers `max` in three steps (a fourth, open-ended, takes the rest). */
function niceStep(max: number): number {
  for (let scale = 1; ; scale *= 10) for (const n of NICE) if (n * scale * 3 >= max) return n * scale;
}

/**
 * The shading key for a map whose busiest region has `max` open orders: "none", then three equal 1-2-5 steps and
 * an open-ended top step, so a region with one order already stands out from an empty one and the steps stay
 * round numbers whatever the volume (2 orders or 2,000).
 */
export function shadePieces(max: number): ShadePiece[] {
  const step = niceStep(Math.max(1, max));
  const range = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);
  return [
    { min: 0, max: 0, label: 'none', color: SHADES[0] },
    { min: 1, max: step, label: range(1, step), color: SHADES[1] },
    { min: step + 1, max: 2 * step, label: range(step + 1, 2 * step), color: SHADES[2] },
    { min: 2 * step + 1, max: 3 * step, label: range(2 * step + 1, 3 * step), color: SHADES[3] },
    { min: 3 * step + 1, label: `${3 * step + 1}+`, color: SHADES[4] },
  ];
}

export function shadeOf(count: number, pieces: readonly ShadePiece[]): string {
  return pieces.find((p) => count >= p.min && (p.max === undefined || count <= p.max))?.color ?? SHADES[0];
}
