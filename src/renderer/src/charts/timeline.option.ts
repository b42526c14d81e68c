import type { CustomSeriesOption, CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { graphic } from 'echarts/core';
import { WORK_ORDER_STATUS_LOOK } from '../format/labels';
import { formatTime } from '../format/time';
import { escapeHtml } from './escape-html';
import type { Bar, BarKind } from './timeline.plan';

const KINDS: { kind: BarKind; name: string; color: string; border?: string }[] = [
  { kind: 'done', name: 'Completed', color: '#aab4c0' },
  { kind: 'working', name: 'Under way', color: '#18a058' },
  { kind: 'planned', name: 'Dispatched / accepted', color: '#2f7be0' },
  { kind: 'proposed', name: 'Proposed', color: '#dbe7f8', border: '#2f7be0' },
];
const HOUR = 3_600_000;
/** Height a technician's row needs to stay readable; rows beyond what fits scroll. */
export const ROW_PX = 26;
/** Legend, time axis and the "now" label take this much of the chart's height. */
export const CHROME_PX = 62;

/** A bar per order in its technician's row, clipped to the plot, labelled with the order number when it fits. */
const renderBar =
  (bars: Bar[], color: string, border: string | undefined): CustomSeriesRenderItem =>
  (params, api) => {
    const row = api.value(0) as number;
    const [x0, y] = api.coord([api.value(1), row]) as [number, number];
    const [x1] = api.coord([api.value(2), row]) as [number, number];
    const height = (api.size!([0, 1]) as number[])[1]! * 0.62;
    const grid = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
    const shape = graphic.clipRectByRect({ x: x0, y: y - height / 2, width: x1 - x0, height }, grid);
    if (!shape) return null;
    const bar = bars[params.dataIndex]!;
    return {
      type: 'rect',
      shape: { ...shape, r: 3 },
      style: { fill: color, ...(border ? { stroke: border, lineWidth: 1, lineDash: [3, 2] } : {}) },
      textContent: shape.width > 74 ? { type: 'text', style: { text: bar.order.number.replace(/^WO-\d{4}-0*/, '#'), fontSize: 10, fill: border ? '#1e3a5f' : '#fff' } } : undefined,
      textConfig: { position: 'insideLeft' },
    };
  };

function tip(bar: Bar): string {
  const o = bar.order;
  return [
    `<strong>${escapeHtml(o.number)}</strong> · ${o.priority} · ${WORK_ORDER_STATUS_LOOK[o.status].label}`,
    `${escapeHtml(o.customerName)} · ${escapeHtml(o.siteName)}`,
    `${formatTime(bar.start)} – ${formatTime(bar.end)}${bar.kind === 'done' ? ' (completed at the end)' : bar.kind === 'working' ? '' : ' (planned)'}`,
  ].join('<br>');
}

export function timelineOption(bars: Bar[], technicianName: (id: string) => string, now: number, visibleRows: number): EChartsOption {
  const technicians = [...new Set(bars.map((b) => b.technicianId))].sort((a, b) => technicianName(a).localeCompare(technicianName(b)));
  const row = new Map(technicians.map((id, i) => [id, i]));
  const min = Math.floor(Math.min(now - 2 * HOUR, ...bars.map((b) => b.start)) / HOUR) * HOUR;
  const max = Math.ceil(Math.max(now + 4 * HOUR, ...bars.map((b) => b.end)) / HOUR) * HOUR;

  const series: CustomSeriesOption[] = KINDS.map(({ kind, name, color, border }, index) => {
    const mine = bars.filter((b) => b.kind === kind);
    return {
      id: `timeline-${kind}`,
      name,
      type: 'custom',
      renderItem: renderBar(mine, color, border),
      itemStyle: { color },
      encode: { x: [1, 2], y: 0 },
      tooltip: { formatter: (p) => tip(mine[(p as { dataIndex: number }).dataIndex]!) },
      data: mine.map((b) => [row.get(b.technicianId)!, b.start, b.end]),
      ...(index === 0
        ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: '#c81e1e', type: 'solid', width: 1.5 }, label: { formatter: 'now', color: '#c81e1e' }, data: [{ xAxis: now }] } }
        : {}),
    };
  });

  const scroll = technicians.length > visibleRows;
  return {
    animation: false,
    grid: { left: 8, right: scroll ? 28 : 14, top: 30, bottom: 24, containLabel: true },
    legend: { top: 4, left: 8, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
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
    series,
  };
}
