import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { readReallocationSettings, REALLOCATION_SETTINGS_KEY, writeReallocationSettings } from '../settings/reallocation-settings';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { rosterCacheFor } from '../work-orders/roster-cache';
import { applyReallocation } from './apply';
import { runAutoReallocation } from './auto';
import type { PlanContext } from './context';
import { effectiveness, listCorrectiveActions, recordOutcomes } from './corrective-actions';
import { listProposals } from './proposals';

type Names =
  | 'reallocation.proposals'
  | 'reallocation.apply'
  | 'correctiveActions.list'
  | 'reallocation.effectiveness'
  | 'settings.getReallocation'
  | 'settings.setReallocation';

function period(from: string, to: string): [number, number] {
  const [start, end] = [Date.parse(from), Date.parse(to)];
  if (end <= start) throw new AppError('validation', 'The period must end after it starts.', [{ path: 'to', message: 'must be after from' }]);
  return [start, end];
}

export interface Reallocation {
  handlers: HandlerMap<Names>;
  /** Records the outcomes of earlier corrective actions, then, in automatic mode, applies new ones. */
  runScheduledJobs(): Promise<void>;
}

/** SLA reallocation (issue #4): proposals, applying them, corrective actions and their effectiveness, the mode. */
export function createReallocation(deps: CoreDeps): Reallocation {
  const { db, bus } = deps;
  const ctx: PlanContext = { calendars: new PolicyCalendars(db), cache: rosterCacheFor(bus) };
  const handlers: HandlerMap<Names> = {
    'reallocation.proposals': ({ orderId }, { now }) => listProposals(db, ctx, now, orderId),
    'reallocation.apply': (input, { principal, now }) => applyReallocation(deps, ctx, input, principal, now, false),
    'correctiveActions.list': async ({ from, to }) => ({ items: await listCorrectiveActions(db, ...period(from, to)) }),
    'reallocation.effectiveness': async ({ from, to }) => effectiveness(db, ...period(from, to)),
    'settings.getReallocation': () => readReallocationSettings(db),
    'settings.setReallocation': (input, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await readReallocationSettings(trx);
        await writeReallocationSettings(trx, input, now);
        await appendAudit(trx, principal, now, { action: 'settings.changed', entityType: 'settings', entityId: REALLOCATION_SETTINGS_KEY, before, after: input });
        emit('reference.changed', { entity: 'settings', id: REALLOCATION_SETTINGS_KEY });
        return input;
      }),
  };
  const runScheduledJobs = async () => {
    await recordOutcomes(db);
    await runAutoReallocation(deps, ctx, deps.clock.now());
  };
  return { handlers, runScheduledJobs };
}
