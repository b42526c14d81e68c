import { AppError } from '../../shared/errors';
import { assignBatch, assignmentConfig } from '../assignment';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { readDispatchSettings } from '../settings/dispatch-settings';
import { loadRoster, toContractCandidate } from './assignment-context';
import { loadOrderForAssignment } from './assignment-flow';
import { assignTechnician } from './manual-assignment';

/** Orders a batch may move: not yet dispatched. Anything dispatched or further is pinned (DOMAIN.md). */
const MOVABLE = ['new', 'assigned'] as const;
const BATCH_TIME_LIMIT_MS = 1500;

export function createBatchAssignmentHandlers(deps: CoreDeps): HandlerMap<'assignments.proposeBatch' | 'assignments.applyBatch'> {
  const { db } = deps;
  return {
    'assignments.proposeBatch': async ({ orderIds }, { now }) => {
      const started = performance.now();
      let query = db.selectFrom('work_orders').select(['id', 'number', 'version']).where('status', 'in', MOVABLE);
      if (orderIds) query = query.where('id', 'in', orderIds.length ? orderIds : ['-']);
      const rows = await query.execute();
      const orders = await Promise.all(rows.map(async (r) => (await loadOrderForAssignment(db, r.id)).order));
      // The movable orders' own minutes are re-decided, so they leave the technicians' current workload.
      const roster = await loadRoster(db, now, rows.map((r) => r.id));
      const pinned = Number(
        (await db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', ['dispatched', 'accepted', 'en_route', 'on_site', 'on_hold']).executeTakeFirstOrThrow()).n,
      );
      const result = assignBatch(orders, roster.technicians, assignmentConfig(now), { timeLimitMs: BATCH_TIME_LIMIT_MS });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        proposals: result.assignments.map((a) => {
          const c = toContractCandidate(a, roster.names);
          return { orderId: a.orderId, orderNumber: byId.get(a.orderId)!.number, version: byId.get(a.orderId)!.version, technicianId: a.technicianId, technicianName: c.technicianName, score: c.score, terms: c.terms };
        }),
        unassigned: result.unassigned.map((u) => ({ orderId: u.orderId, orderNumber: byId.get(u.orderId)!.number, reason: u.reason, excludedBy: u.excludedBy as Record<string, number> })),
        pinned,
        totalCost: round(result.totalCost),
        greedyCost: round(result.greedyCost),
        lowerBound: result.lowerBound === null ? null : round(result.lowerBound),
        provenOptimal: result.provenOptimal,
        computedMs: Math.round(performance.now() - started),
      };
    },

    'assignments.applyBatch': async ({ proposals }, { principal, now }) => {
      const { mode } = await readDispatchSettings(db);
      const results = [];
      for (const p of proposals) {
        try {
          const order = await assignTechnician(deps, { id: p.orderId, version: p.version, technicianId: p.technicianId, dispatch: mode === 'auto', principal, now, mode: 'batch' });
          results.push({ orderId: p.orderId, outcome: 'applied' as const, detail: null, order });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ orderId: p.orderId, outcome: error.code === 'conflict' ? ('conflict' as const) : ('refused' as const), detail: error.message, order: null });
        }
      }
      return { results, applied: results.filter((r) => r.outcome === 'applied').length };
    },
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
