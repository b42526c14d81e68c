import type { EChartsOption } from 'echarts';
import type { MethodOutput } from '@shared/contract';
import { ADHERENCE_FLOOR, ADHERENCE_TARGET, METRIC_COLOR, METRIC_LABEL, WALL } from './bands';
import { dayLabel, hourLabel, weekdayLabel } from './zone-time';

export type Trends = MethodOutput<'sla.trends'>;
export type TrendRange = Trends['range'];

const FLOOR = ADHERENCE_FLOOR * 100;
const TARGET = ADHERENCE_TARGET * 100;

/** Bucket labels in the centre's zone: hours for 24 h, "Tue 24" for 7 d, "24 Nov" for 30 d. */
export function bucketLabels(trends: Pick<Trends, 'range' | 'timeZone' | 'results'>): string[] {
  const buckets = trends.results[0]?.buckets ?? [];
  const label = trends.range === '24h' ? hourLabel : trends.range === '7d' ? weekdayLabel : dayLabel;
  return buckets.map((b) => label(trends.timeZone, b.start));
}

/** Adherence as a percentage with one decimal; null stays a gap in the data (nothing to count in that bucket). */
export const trendValue = (adherence: number | null): number | null => (adherence === null ? null : Math.round(adherence * 1000) / 10);

/** The y axis starts at 50 %, or lower in tens when some bucket fell below that. */
export function trendAxisMin(trends: Pick<Trends, 'results'>): number {
  const values = trends.results.flatMap((r) => r.buckets.map((b) => trendValue(b.adherence))).filter((v): v is number => v !== null);
  const lowest = Math.min(50, ...values);
  return Math.max(0, Math.floor(lowest / 10) * 10);
}

/**
 * Adherence per metric over the range: one line per metric over faint red / amber / green bands, the 95 % target
 * marked. Buckets with nothing to count are skipped over, so a quiet night does not break the line.
 */
export function trendOption(trends: Trends, scale = 1): EChartsOption {
  const s = (px: number) => Math.round(px * scale);
  const min = trendAxisMin(trends);
  const labels = bucketLabels(trends);
  const every = trends.range === '24h' ? 3 : trends.range === '30d' ? 5 : 1;
  const band = (from: number, to: number, color: string) => [{ yAxis: from, itemStyle: { color } }, { yAxis: to }];
  return {
    animationDurationUpdate: 600,
    grid: { left: s(8), right: s(88), top: s(20), bottom: s(8), containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: labels,
      axisLine: { lineStyle: { color: WALL.border, width: s(2) } },
      axisTick: { show: false },
      axisLabel: {
        color: WALL.text2,
        fontSize: s(22),
        margin: s(14),
        interval: (index: number) => (labels.length - 1 - index) % every === 0,
      },
    },
    yAxis: {
      type: 'value',
      min,
      max: 100,
      interval: 10,
      axisLabel: { color: WALL.text2, fontSize: s(22), formatter: '{value} %' },
      splitLine: { lineStyle: { color: WALL.grid } },
    },
    series: trends.results.map((r, i) => ({
      id: r.metric,
      name: METRIC_LABEL[r.metric],
      type: 'line' as const,
      data: r.buckets.map((b) => trendValue(b.adherence)),
      connectNulls: true,
      symbol: 'circle',
      symbolSize: s(11),
      lineStyle: { width: s(5), color: METRIC_COLOR[r.metric] },
      itemStyle: { color: METRIC_COLOR[r.metric], borderColor: WALL.panel, borderWidth: s(2) },
      z: 10 - i,
      ...(i === 0
        ? {
            markArea: {
              silent: true,
              data: [band(min, FLOOR, 'rgba(255,77,94,0.10)'), band(FLOOR, TARGET, 'rgba(255,176,32,0.08)'), band(TARGET, 100, 'rgba(47,214,123,0.08)')] as never,
            },
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: WALL.green, type: 'dashed', width: s(2) },
              label: { color: WALL.green, fontSize: s(20), fontWeight: 700, position: 'end', distance: s(10), formatter: `${TARGET} %` },
              data: [{ yAxis: TARGET }],
            },
          }
        : {}),
    })),
  };
}
