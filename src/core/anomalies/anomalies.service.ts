import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { scanForAnomalies } from './scan';

export function createAnomalyHandlers(deps: CoreDeps): HandlerMap<'anomalies.scan'> {
  return {
    'anomalies.scan': async (_input, { now }) => ({
      now,
      findings: (await scanForAnomalies(deps, now)).map(({ index: _index, ...finding }) => finding),
    }),
  };
}
