import type { SeriesName } from '../../shared/contract/sla-trends.contract';
import type { CoreDeps } from '../rpc/handlers';
import { centreTimeZone } from '../sla-trends/centre-zone';
import type { SeriesGroupBy } from '../sla-trends/hourly-series';
import { hourlySeries } from '../sla-trends/series';
import { completeHours } from '../sla-trends/time-buckets';
import { cusumChart } from './cusum';
import type { DetectorFinding } from './detector';
import { ewmaChart } from './ewma';
import { anomalyMessage } from './messages';
import { CUSUM_TUNING, EWMA_TUNING, HOURLY_BASELINE } from './parameters';

export interface AnomalyFinding extends DetectorFinding {
  series: SeriesName;
  groupBy: SeriesGroupBy;
  /** The group (region id or team name; "" for orders without one) and its label. */
  key: string;
  label: string;
  message: string;
}

/**
 * The watched series (DOMAIN.md) and the least spread each is assumed to have, in its own unit: a count that
 * never varied still has counting noise of about one order, an average about a minute, a ratio about 2 points.
 */
const WATCHED: readonly { name: SeriesName; sdFloor: number }[] = [
  { name: 'arrivals_per_hour', sdFloor: 1 },
  { name: 'queue_length', sdFloor: 1 },
  { name: 'mean_time_to_accept', sdFloor: 1 },
  { name: 'adherence', sdFloor: 0.02 },
];
const GROUPINGS: readonly SeriesGroupBy[] = ['region', 'team'];
/** Two weeks of hours: 7 days to learn each hour-of-day level, 7 more to learn the spread around it. */
const HISTORY_HOURS = 14 * 24;

/**
 * Runs the EWMA and CUSUM charts over every watched series by region and by team, each against its own recent
 * history, and returns what they find at the latest complete hour, strongest first. The charts run over the whole
 * history so their statistics have their proper state at that hour; earlier alarms are history, not news.
 * Read-only: raising alerts from the findings is the alert engine's job.
 */
export async function scanForAnomalies(deps: Pick<CoreDeps, 'db'>, now: number): Promise<AnomalyFinding[]> {
  const bounds = completeHours(await centreTimeZone(deps.db), now, HISTORY_HOURS);
  const at = bounds.slice(0, -1);
  const latest = at.length - 1;
  const findings: AnomalyFinding[] = [];
  for (const { name, sdFloor } of WATCHED) {
    for (const groupBy of GROUPINGS) {
      for (const line of await hourlySeries(deps.db, name, bounds, groupBy)) {
        const series = { at, values: line.values };
        const baseline = { ...HOURLY_BASELINE, sdFloor };
        const alarms = [...ewmaChart(series, { ...EWMA_TUNING, ...baseline }), ...cusumChart(series, { ...CUSUM_TUNING, ...baseline })];
        for (const f of alarms.filter((a) => a.index === latest)) {
          findings.push({ ...f, series: name, groupBy, key: line.key, label: line.label, message: anomalyMessage(name, groupBy, line.label, f) });
        }
      }
    }
  }
  return findings.sort((a, b) => b.score - a.score);
}
