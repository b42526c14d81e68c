/** The wall's pages, in rotation order. */
export const WALL_PAGES = [
  { id: 'now', title: 'Now' },
  { id: 'trends', title: 'Trends' },
  { id: 'heatmap', title: 'Breach heatmap' },
] as const;
export type WallPageId = (typeof WALL_PAGES)[number]['id'];

export const DEFAULT_ROTATE_SECONDS = 20;
const MIN_ROTATE_SECONDS = 5;
const MAX_ROTATE_SECONDS = 3600;

export interface WallSettings {
  /** Time on each page; 0 keeps the first page on screen (no rotation). */
  rotateMs: number;
  page: WallPageId;
}

const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
};

/**
 * Settings from the wall's link, e.g. `#/wall?rotate=30&page=trends`: `rotate` is seconds per page (0 or `off`
 * stops rotating; clamped to 5 s … 1 h), `page` the page shown first. Anything unreadable falls back to the default.
 */
export function parseWallQuery(query: Record<string, unknown>): WallSettings {
  const rotate = first(query.rotate);
  let seconds = DEFAULT_ROTATE_SECONDS;
  if (rotate === 'off' || rotate === '0') seconds = 0;
  else if (rotate !== undefined && Number.isFinite(Number(rotate)) && rotate.trim() !== '') {
    seconds = Math.min(MAX_ROTATE_SECONDS, Math.max(MIN_ROTATE_SECONDS, Number(rotate)));
  }
  const page = WALL_PAGES.find((p) => p.id === first(query.page))?.id ?? 'now';
  return { rotateMs: Math.round(seconds * 1000), page };
}
