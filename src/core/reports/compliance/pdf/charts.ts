/* eslint-disable no-restricted-imports -- ECharts is a UI library everywhere else, but here it only renders the
   report's charts to SVG strings on the server side (no DOM), so the desktop app and the headless server produce
   the same vector charts in the same PDF. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
/* eslint-enable no-restricted-imports */
import SVGtoPDF from 'svg-to-pdfkit';
import type { ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';
import { COLOR, CONTENT_WIDTH, MARGIN, type ReportPdf } from './document';
import { METRIC_LABELS } from './format';

use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/** svg-to-pdfkit maps 1 SVG px to 0.75 pt, so a chart this many px wide fills the content width. */
const WIDTH_PX = Math.round(CONTENT_WIDTH / 0.75);
const HEIGHT_PX = 250;
const METRIC_COLORS = { response: '#2f6fb0', arrival: '#d9822b', resolution: '#2a8a57' } as const;
const TEXT = { color: COLOR.ink, fontFamily: 'Helvetica', fontSize: 11 };

function toSvg(option: EChartsCoreOption): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH_PX, height: HEIGHT_PX });
  try {
    // No animation: the SVG is taken at once, and must show the final state.
    chart.setOption({ animation: false, textStyle: TEXT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const shortDate = new Map<string, Intl.DateTimeFormat>();
function bucketLabel(at: number, zone: string): string {
  let f = shortDate.get(zone);
  if (!f) shortDate.set(zone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' })));
  return f.format(at);
}

const axes = (report: ComplianceReport) => ({
  grid: { left: 52, right: 16, top: 34, bottom: 30 },
  legend: { top: 0, left: 'center', itemWidth: 16, itemHeight: 8, textStyle: TEXT },
  xAxis: {
    type: 'category',
    data: report.trend.points.map((p) => bucketLabel(p.start, report.period.timeZone)),
    axisLabel: { ...TEXT, fontSize: 10, hideOverlap: true },
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: COLOR.rule } },
  },
});

/** Adherence per metric and bucket, 0–100 %; buckets with nothing counted are gaps, not zeros. */
export function adherenceTrendSvg(report: ComplianceReport): string {
  const metrics = ['response', 'arrival', 'resolution'] as const;
  return toSvg({
    ...axes(report),
    yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { ...TEXT, fontSize: 10, formatter: '{value} %' }, splitLine: { lineStyle: { color: '#dde3ea' } } },
    series: metrics.map((m) => ({
      name: METRIC_LABELS[m],
      type: 'line',
      color: METRIC_COLORS[m],
      symbol: report.trend.points.length > 40 ? 'none' : 'circle',
      symbolSize: 4,
      lineStyle: { width: 1.6 },
      connectNulls: false,
      data: report.trend.points.map((p) => (p[m].adherence === null ? null : Math.round(p[m].adherence * 1000) / 10)),
    })),
  });
}

/** Clocks counted per bucket over all metrics, split into met, missed and breached at the bucket's end. */
export function countedClocksSvg(report: ComplianceReport): string {
  const sum = (p: ComplianceReport['trend']['points'][number], f: 'met' | 'missed' | 'breached') => p.response[f] + p.arrival[f] + p.resolution[f];
  const bars = [
    { name: 'Met', field: 'met', color: '#7fb89a' },
    { name: 'Missed', field: 'missed', color: '#e3a14f' },
    { name: 'Breached at end', field: 'breached', color: '#c4473a' },
  ] as const;
  return toSvg({
    ...axes(report),
    yAxis: { type: 'value', minInterval: 1, axisLabel: { ...TEXT, fontSize: 10 }, splitLine: { lineStyle: { color: '#dde3ea' } } },
    series: bars.map((b) => ({
      name: b.name,
      type: 'bar',
      stack: 'clocks',
      color: b.color,
      barMaxWidth: 18,
      data: report.trend.points.map((p) => sum(p, b.field)),
    })),
  });
}

/** Draws an SVG chart as vector graphics across the content width, under a caption. */
export function drawChart(pdf: ReportPdf, caption: string, svg: string): void {
  const height = HEIGHT_PX * 0.75;
  pdf.ensureSpace(height + 20);
  pdf.doc.font('Helvetica-Bold').fontSize(9).fillColor(COLOR.ink).text(caption, MARGIN.left, pdf.y, { width: CONTENT_WIDTH, lineBreak: false });
  pdf.y += 14;
  SVGtoPDF(pdf.doc, svg, MARGIN.left, pdf.y, { width: CONTENT_WIDTH, height });
  pdf.y += height + 8;
}
