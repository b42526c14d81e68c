import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { ComplianceReport } from '@shared/schemas/compliance-report.schema';
import { escapeHtml } from '../escape-html';
import { formatRatio, METRIC_COLOR, METRIC_LABEL, REPORT_METRICS, type ReportMetric } from './figures';

type Trend = ComplianceReport['trend'];

/** "18 Nov" in the report's zone: the local day (or the first day of a week) each bucket starts on. */
export function bucketLabel(start: number, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(start);
}

/** Adherence in percent with one decimal per bucket; null (a gap in the line) where nothing was counted. */
export function trendSeries(trend: Trend, metric: ReportMetric): (number | null)[] {
  return trend.points.map((p) => (p[metric].adherence === null ? null : Math.round(p[metric].adherence * 1000) / 10));
}

/** The lowest y worth drawing: 10 points below the worst bucket, rounded down to 10, never above 80 %. */
export function trendFloor(trend: Trend): number {
  const values = REPORT_METRICS.flatMap((m) => trendSeries(trend, m)).filter((v): v is number => v !== null);
  if (values.length === 0) return 0;
  return Math.max(0, Math.min(80, Math.floor((Math.min(...values) - 10) / 10) * 10));
}

function tooltip(trend: Trend, timeZone: string, locale?: string) {
  return (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
    const point = trend.points[list[0]?.dataIndex ?? -1];
    if (!point) return '';
    const head = `${trend.bucket === 'week' ? 'Week from ' : ''}${bucketLabel(point.start, timeZone, locale)}`;
    const lines = REPORT_METRICS.map((m) => {
      const c = point[m];
      return `<span style="color:${METRIC_COLOR[m]}">●</span> ${METRIC_LABEL[m]}: <b>${formatRatio(c.adherence)}</b> (${c.met} of ${c.counted})`;
    });
    return [`<b>${escapeHtml(head)}</b>`, ...lines].join('<br>');
  };
}

/** The trend chart of the preview: one line per metric, adherence per day or week, gaps where nothing counted. */
export function buildTrendOption(trend: Trend, timeZone: string, locale?: string): EChartsOption {
  const series: LineSeriesOption[] = REPORT_METRICS.map((metric) => ({
    type: 'line',
    name: METRIC_LABEL[metric],
    data: trendSeries(trend, metric),
    connectNulls: false,
    showSymbol: trend.points.length <= 62,
    symbolSize: 6,
    lineStyle: { width: 2.5, color: METRIC_COLOR[metric] },
    itemStyle: { color: METRIC_COLOR[metric] },
  }));
  return {
    animation: false,
    grid: { left: 48, right: 20, top: 36, bottom: 28 },
    legend: { top: 0, left: 0, itemGap: 18, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis', formatter: tooltip(trend, timeZone, locale) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.points.map((p) => bucketLabel(p.start, timeZone, locale)),
      axisLabel: { fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: trendFloor(trend),
      max: 100,
      axisLabel: { formatter: '{value} %', fontSize: 11 },
      splitLine: { lineStyle: { color: '#eef1f5' } },
    },
    series,
  };
}
