import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { breachHeatmap } from './breach-heatmap';
import { slaSeries } from './series';
import { slaTrends } from './trends';

export function createSlaTrendHandlers({ db }: CoreDeps): HandlerMap<'sla.trends' | 'sla.breachHeatmap' | 'sla.series'> {
  return {
    'sla.trends': (input, { now }) => slaTrends(db, input, now),
    'sla.breachHeatmap': (input, { now }) => breachHeatmap(db, input, now),
    'sla.series': (input, { now }) => slaSeries(db, input, now),
  };
}
