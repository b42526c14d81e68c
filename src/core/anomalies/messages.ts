import type { SeriesName } from '../../shared/contract/sla-trends.contract';
import type { DetectorFinding } from './detector';

const SERIES_TEXT: Record<SeriesName, { title: string; format: (v: number) => string }> = {
  arrivals_per_hour: { title: 'Arrivals per hour', format: (v) => round(v) },
  queue_length: { title: 'Queue length', format: (v) => round(v) },
  mean_time_to_accept: { title: 'Mean time to accept', format: (v) => `${round(v)} min` },
  adherence: { title: 'Adherence', format: (v) => `${round(v * 100)} %` },
};

/** At most one decimal, none when it would be .0. */
const round = (v: number) => String(Math.round(v * 10) / 10);

/** How the finding was decided, e.g. "CUSUM k=0.5σ, h=5σ" or "EWMA λ=0.2, L=3σ". */
function methodText(f: Pick<DetectorFinding, 'method' | 'parameters'>): string {
  const p = f.parameters;
  return f.method === 'cusum' ? `CUSUM k=${p.k}σ, h=${p.h}σ` : `EWMA λ=${p.lambda}, L=${p.L}σ`;
}

/** "Arrivals per hour in region North Bank: 41 vs expected 18 ± 5 (CUSUM k=0.5σ, h=5σ)". */
export function anomalyMessage(series: SeriesName, groupBy: string, label: string, f: DetectorFinding): string {
  const { title, format } = SERIES_TEXT[series];
  return `${title} in ${groupBy} ${label}: ${format(f.value)} vs expected ${format(f.expected)} ± ${format(f.sd)} (${methodText(f)})`;
}
