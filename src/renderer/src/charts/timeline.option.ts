import type { CustomSeriesOption, CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { graphic } from 'echarts/core';
import { PRIORITY_LOOK, WORK_ORDER_STATUS_LOOK } from '../format/labels';
import { formatTime } from '../format/time';
import { escapeHtml } from './escape-html';
import type { ShiftWindow } from './shift-hours';
import type { Bar, BarKind } from './timeline.plan';

export const TIMELINE_KINDS: { kind: BarKind; name: string; color: string; border?: string; text: string }[] = [
  { kind: 'done', name: 'Completed', color: '#aab4c0', text: '#1f2933' },
  { kind: 'working', name: 'Under way', color: '#18a058', text: '#fff' },
  { kind: 'planned', name: 'Dispatched / accepted', color: '#2f7be0', text: '#fff' },
  { kind: 'proposed', name: 'Proposed', color: '#dbe7f8', border: '#2f7be0', text: '#1e3a5f' },
];
const SHIFT_COLOR = 'rgba(24, 160, 88, 0.09)';
const SHIFT_NAME = 'Shift hours';
const HOUR = 3_600_000;
/** Height a technician's row needs to stay readable; rows beyond what fits scroll. */
export const ROW_PX = 28;
/** The most height a row gets when the window has room to spare. */
const MAX_ROW_PX = 44;
/** Legend, time axis and the "now" label take this much of the chart's height. */
export const CHROME_PX = 62;

export interface TimelineInput {
  bars: Bar[];
  /** Each technician's shift hours in view, shaded behind their row. */
  shifts: Map<string, ShiftWindow[]>;
  technicianName: (id: string) => string;
  now: number;
  visibleRows: number;
  /** The chart's height in pixels: a few rows in a tall window keep a readable height instead of stretching. */
  height?: number;
}

type Grid = { x: number; y: number; width: number; height: number };

/** "WO-2026-000123" where it fits, "#123" where only that fits, nothing on a sliver (the tooltip has it all). */
export function barLabel(number: string, widthPx: number): string | null {
  if (widthPx >= 104) return number;
  if (widthPx >= 34) return number.replace(/^.*?-0*(?=\d+$)/, '#');
  return null;
}

/** A bar per order in its technician's row, clipped to the plot, labelled with the order number as far as it fits. */
const renderBar =
  (bars: Bar[], look: (typeof TIMELINE_KINDS)[number]): CustomSeriesRenderItem =>
  (params, api) => {
    const row = api.value(0) as number;
    const [x0, y] = api.coord([api.value(1), row]) as [number, number];
    const [x1] = api.coord([api.value(2), row]) as [number, number];
    // Two thirds of the row, but no fatter than a label needs when a tall window gives each row lots of room.
    const height = Math.min((api.size!([0, 1]) as number[])[1]! * 0.64, 24);
    const shape = graphic.clipRectByRect({ x: x0, y: y - height / 2, width: x1 - x0, height }, params.coordSys as unknown as Grid);
    if (!shape) return null;
    const text = barLabel(bars[params.dataIndex]!.order.number, shape.width - 6);
    return {
      type: 'rect',
      shape: { ...shape, r: 3 },
      style: { fill: look.color, ...(look.border ? { stroke: look.border, lineWidth: 1, lineDash: [3, 2] } : {}) },
      textContent: text ? { type: 'text', style: { text, fontSize: 11, fontWeight: 600, fill: look.text } } : undefined,
      textConfig: { position: 'insideLeft' },
    };
  };

/** The shift band: the full row height, faint, behind the bars. */
const renderShift: CustomSeriesRenderItem = (params, api) => {
  const row = api.value(0) as number;
  const [x0, y] = api.coord([api.value(1), row]) as [number, number];
  const [x1] = api.coord([api.value(2), row]) as [number, number];
  const height = (api.size!([0, 1]) as number[])[1]!;
  const shape = graphic.clipRectByRect({ x: x0, y: y - height / 2 + 1, width: x1 - x0, height: height - 2 }, params.coordSys as unknown as Grid);
  return shape ? { type: 'rect', shape, style: { fill: SHIFT_COLOR } } : null;
};

function tip(bar: Bar): string {
  const o = bar.order;
  const when = bar.kind === 'done' ? 'completed' : bar.kind === 'working' ? 'under way, estimated end' : 'planned';
  return [
    `<strong>${escapeHtml(o.number)}</strong> · <span style="color:${PRIORITY_LOOK[o.priority].color}">${o.priority}</span> · ${WORK_ORDER_STATUS_LOOK[o.status].label}`,
    `${escapeHtml(o.customerName)} · ${escapeHtml(o.siteName)}`,
    `${formatTime(bar.start)} – ${formatTime(bar.end)} (${when}) · estimate ${o.estimatedMinutes} min`,
    `Last change by ${escapeHtml(o.updatedBy)} at ${formatTime(o.updatedAt)}`,
    '<span style="color:#6b7785">Click to open</span>',
  ].join('<br>');
}

/** Today per technician: shift hours shaded, a bar per order coloured by how far along it is, and a "now" line. */
export function timelineOption({ bars, shifts, technicianName, now, visibleRows, height }: TimelineInput): EChartsOption {
  const technicians = [...new Set(bars.map((b) => b.technicianId))].sort((a, b) => technicianName(a).localeCompare(technicianName(b)));
  const row = new Map(technicians.map((id, i) => [id, i]));
  const min = Math.floor(Math.min(now - 2 * HOUR, ...bars.map((b) => b.start)) / HOUR) * HOUR;
  const max = Math.ceil(Math.max(now + 4 * HOUR, ...bars.map((b) => b.end)) / HOUR) * HOUR;

  const shiftData = technicians.flatMap((id) => (shifts.get(id) ?? []).map((w) => [row.get(id)!, w.start, w.end]));
  const shiftSeries: CustomSeriesOption = {
    id: 'timeline-shifts',
    name: SHIFT_NAME,
    type: 'custom',
    z: 1,
    silent: true,
    renderItem: renderShift,
    itemStyle: { color: 'rgba(24, 160, 88, 0.25)' },
    encode: { x: [1, 2], y: 0 },
    data: shiftData,
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: '#c81e1e', type: 'solid', width: 1.5 },
      label: { formatter: `now ${formatTime(now)}`, color: '#c81e1e', fontWeight: 600 },
      data: [{ xAxis: now }],
    },
  };
  const barSeries: CustomSeriesOption[] = TIMELINE_KINDS.map((look) => {
    const mine = bars.filter((b) => b.kind === look.kind);
    return {
      id: `timeline-${look.kind}`,
      name: look.name,
      type: 'custom',
      z: 2,
      cursor: 'pointer',
      renderItem: renderBar(mine, look),
      itemStyle: { color: look.color, ...(look.border ? { borderColor: look.border } : {}) },
      encode: { x: [1, 2], y: 0 },
      tooltip: { formatter: (p) => tip(mine[(p as { dataIndex: number }).dataIndex]!) },
      data: mine.map((b) => ({ id: b.order.id, name: b.order.number, value: [row.get(b.technicianId)!, b.start, b.end] })),
    };
  });

  const scroll = technicians.length > visibleRows;
  return {
    animation: false,
    grid: {
      left: 8,
      right: scroll ? 28 : 14,
      top: 30,
      containLabel: true,
      ...(height && !scroll && technicians.length * MAX_ROW_PX < height - CHROME_PX ? { height: technicians.length * MAX_ROW_PX } : { bottom: 24 }),
    },
    legend: { top: 4, left: 8, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 }, data: [...TIMELINE_KINDS.map((k) => k.name), SHIFT_NAME] },
    tooltip: { trigger: 'item', confine: true },
    // Stable ids and a span limit (not a start/end) keep the dispatcher's zoom and scroll across live updates.
    dataZoom: [
      { id: 'time', type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter' },
      {
        id: 'rows',
        type: 'slider',
        show: scroll,
        yAxisIndex: 0,
        right: 4,
        width: 14,
        zoomLock: true,
        maxValueSpan: visibleRows - 1,
        showDetail: false,
        filterMode: 'weakFilter',
      },
    ],
    xAxis: {
      type: 'time',
      min,
      max,
      position: 'top',
      axisLabel: { formatter: (v: number) => formatTime(v), fontSize: 10, color: '#52606d' },
      splitLine: { show: true, lineStyle: { color: '#eef1f5' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: technicians.map(technicianName),
      axisTick: { show: false },
      axisLabel: { fontSize: 11, color: '#1f2933' },
      splitLine: { show: true, lineStyle: { color: '#f3f5f8' } },
    },
    series: [shiftSeries, ...barSeries],
  };
}
