/** The board's panels that can open in a window of their own (`#/panel/<name>`). */
export const PANELS = ['queue', 'map', 'roster', 'timeline'] as const;
export type PanelName = (typeof PANELS)[number];

export const PANEL_TITLE: Record<PanelName, string> = { queue: 'Queue', map: 'Map', roster: 'Technicians', timeline: 'Timeline' };

export const isPanelName = (name: unknown): name is PanelName => typeof name === 'string' && (PANELS as readonly string[]).includes(name);
