import type { EChartsOption } from 'echarts';
import type { MethodOutput } from '@shared/contract';
import { WALL } from './bands';

export type BreachHeatmap = MethodOutput<'sla.breachHeatmap'>;

/** Hours of the day as the heatmap's columns: "00" … "23" (local hours of the centre). */
export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
/** From an empty cell to the worst one: dark, then amber, then red. */
export const HEAT_COLORS = ['#142130', '#6b4a12', WALL.amber, '#ff7a3d', WALL.red];

export interface HeatCell {
  value: [number, number, number];
  label: { show: boolean; color: string };
}

/** One cell per region and hour: [hour, row, breaches]; a count is printed where there is one, dark on bright cells. */
export function heatCells(heatmap: Pick<BreachHeatmap, 'rows' | 'max'>): HeatCell[] {
  return heatmap.rows.flatMap((row, r) =>
    row.hours.map((count, h) => ({
      value: [h, r, count] as [number, number, number],
      label: { show: count > 0, color: heatmap.max > 0 && count / heatmap.max > 0.45 ? WALL.bg : WALL.text },
    })),
  );
}

/** Breaches by region (rows) × local hour of day (columns), with each region's total in a bar on the right. */
export function breachHeatmapOption(heatmap: BreachHeatmap, scale = 1): EChartsOption {
  const s = (px: number) => Math.round(px * scale);
  const labels = heatmap.rows.map((r) => r.label);
  const category = { type: 'category' as const, data: labels, inverse: true, axisTick: { show: false }, axisLine: { show: false } };
  return {
    animationDurationUpdate: 600,
    grid: [
      // Explicit margins (no containLabel), so both grids share their rows exactly.
      { left: s(200), right: '15%', top: s(8), bottom: s(48) },
      { left: '86.5%', right: s(70), top: s(8), bottom: s(48) },
    ],
    xAxis: [
      {
        type: 'category',
        gridIndex: 0,
        data: HOURS,
        splitArea: { show: false },
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: WALL.text2, fontSize: s(22), margin: s(14) },
      },
      { type: 'value', gridIndex: 1, show: false, max: Math.max(1, ...heatmap.rows.map((r) => r.total)) },
    ],
    yAxis: [
      { ...category, gridIndex: 0, axisLabel: { color: WALL.text, fontSize: s(26), fontWeight: 600, margin: s(18) } },
      { ...category, gridIndex: 1, axisLabel: { show: false } },
    ],
    visualMap: {
      show: false,
      seriesIndex: 0,
      min: 0,
      max: Math.max(1, heatmap.max),
      inRange: { color: HEAT_COLORS },
    },
    series: [
      {
        id: 'breaches',
        type: 'heatmap',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: heatCells(heatmap) as never,
        label: { fontSize: s(22), fontWeight: 700 },
        itemStyle: { borderColor: WALL.panel, borderWidth: s(4), borderRadius: s(4) },
        emphasis: { disabled: true },
      },
      {
        id: 'totals',
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        barWidth: '56%',
        data: heatmap.rows.map((r) => r.total),
        itemStyle: { color: WALL.red, borderRadius: [0, s(4), s(4), 0] },
        label: { show: true, position: 'right', color: WALL.text, fontSize: s(26), fontWeight: 800 },
      },
    ],
  };
}

/** The hour of day with the most breaches over all regions, or null when there were none. */
export function worstHour(heatmap: Pick<BreachHeatmap, 'rows'>): { hour: string; count: number } | null {
  const byHour = HOURS.map((_, h) => heatmap.rows.reduce((n, r) => n + (r.hours[h] ?? 0), 0));
  const count = Math.max(0, ...byHour);
  return count === 0 ? null : { hour: HOURS[byHour.indexOf(count)]!, count };
}

/** The region with the most breaches, or null when there were none. */
export function worstRegion(heatmap: Pick<BreachHeatmap, 'rows'>): { label: string; count: number } | null {
  const top = [...heatmap.rows].sort((a, b) => b.total - a.total)[0];
  return top && top.total > 0 ? { label: top.label, count: top.total } : null;
}
