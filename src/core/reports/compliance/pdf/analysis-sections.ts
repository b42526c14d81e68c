import type { BreakdownDimension, ComplianceReport, PerMetric } from '../../../../shared/schemas/compliance-report.schema';
import { adherenceTrendSvg, countedClocksSvg, drawChart } from './charts';
import { COLOR, FONT, type ReportPdf } from './document';
import { count, date, percent } from './format';
import { tableOrNone, type Column } from './table';

const DAY_MS = 86_400_000;

/** A customer list can be long; the PDF shows this many groups per breakdown and the CSV all of them. */
export const BREAKDOWN_ROWS_IN_PDF = 100;

const DIMENSION_TITLES: Record<BreakdownDimension, string> = {
  priority: 'By priority',
  category: 'By category',
  region: 'By region (of the site)',
  customer: 'By customer',
};

/** Section 2: the adherence trend and the volume behind it. */
export function drawTrend(pdf: ReportPdf, report: ComplianceReport): void {
  const { trend, period } = report;
  const unit = trend.bucket === 'day' ? '24-hour days' : '7-day weeks';
  const last = trend.points.at(-1)!;
  const lastDays = Math.round(((last.end - last.start) / DAY_MS) * 10) / 10;
  const lastNote = lastDays === (trend.bucket === 'day' ? 1 : 7) ? '' : ` (the last one ${lastDays} days, to the end of the period)`;
  pdf.heading('2  Trend', 230);
  pdf.paragraph(
    `${trend.points.length} consecutive ${unit} from ${date(period.from, period.timeZone)}${lastNote}, each counted by the rule above as a ` +
      'period of its own (a clock still breached at the end of several buckets counts in each of them). Buckets with nothing counted are gaps.',
    { size: 8.5, color: COLOR.muted },
  );
  const counted = trend.points.some((p) => p.response.counted + p.arrival.counted + p.resolution.counted > 0);
  if (!counted) return pdf.paragraph('None in this period: no clock was counted.', { color: COLOR.muted, font: FONT.italic });
  drawChart(pdf, `Adherence per ${trend.bucket} and metric`, adherenceTrendSvg(report));
  drawChart(pdf, `SLA clocks counted per ${trend.bucket}, all metrics`, countedClocksSvg(report));
}

type Group = PerMetric & { key: string; label: string };

const metricColumns = (metric: keyof PerMetric, header: string): Column<Group>[] => [
  { header, width: 0.14, align: 'right', value: (g) => (g[metric].counted === 0 ? '—' : `${count(g[metric].met)} / ${count(g[metric].counted)}`) },
  { header: 'Adherence', width: 0.1, align: 'right', value: (g) => percent(g[metric].adherence) },
];

/** Section 3: adherence per priority, category, region and customer (met / counted and the ratio, per metric). */
export function drawBreakdowns(pdf: ReportPdf, report: ComplianceReport): void {
  pdf.heading('3  Breakdowns');
  pdf.paragraph('Each metric shows clocks met / clocks counted, then adherence. Groups with nothing counted are left out.', {
    size: 8.5,
    color: COLOR.muted,
  });
  for (const { dimension, groups } of report.breakdowns) {
    pdf.subheading(DIMENSION_TITLES[dimension]);
    const shown = groups.slice(0, BREAKDOWN_ROWS_IN_PDF);
    tableOrNone(
      pdf,
      {
        caption: `Breakdown ${DIMENSION_TITLES[dimension].toLowerCase()}`,
        columns: [
          { header: dimension === 'priority' ? 'Priority' : 'Name', width: 0.28, value: (g) => g.label },
          ...metricColumns('response', 'Response'),
          ...metricColumns('arrival', 'Arrival'),
          ...metricColumns('resolution', 'Resolution'),
        ],
        rows: shown,
      },
      'None in this period.',
    );
    if (groups.length > shown.length) {
      pdf.paragraph(`${count(groups.length - shown.length)} more groups (of ${count(groups.length)}) are listed in the CSV export.`, {
        size: 8,
        color: COLOR.muted,
      });
    }
  }
}
