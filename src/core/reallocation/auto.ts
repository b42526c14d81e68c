import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { SYSTEM_PRINCIPAL, type Principal } from '../../shared/roles';
import type { Database } from '../db/schema';
import type { CoreDeps } from '../rpc/handlers';
import { readReallocationSettings } from '../settings/reallocation-settings';
import { applyReallocation } from './apply';
import type { PlanContext } from './context';
import { wasReallocated } from './corrective-actions';
import { listProposals } from './proposals';

/** Who the automatic mode acts as: the system principal, named so the history says what it was. */
const AUTO_PRINCIPAL: Principal = { ...SYSTEM_PRINCIPAL, name: 'Automatic reallocation' };

/** The lifecycle actions that are a dispatcher's decision about an order (technicians' progress is not). */
const DISPATCHER_DECISIONS = ['assign', 'approve', 'update'];

/** Whether a person (not the app itself) decided about the order since `since`: that decision stands for now. */
async function decidedSince(db: Kysely<Database>, orderId: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom('work_order_events')
    .select('id')
    .where('work_order_id', '=', orderId)
    .where('type', 'in', DISPATCHER_DECISIONS)
    .where('actor_kind', '!=', 'system')
    .where('recorded_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The automatic mode: for each at-risk order, the best proposal that may be applied is applied, at most once per
 * order and metric (a clock already reallocated, by a dispatcher or by this job, is left to that decision), and
 * never to an order (or a swap's other order) a dispatcher changed in the last `recentEditMinutes`. A proposal
 * overtaken by a change is skipped; the next run plans again. Returns how many were applied.
 */
export async function runAutoReallocation(deps: CoreDeps, ctx: PlanContext, now: number): Promise<number> {
  const settings = await readReallocationSettings(deps.db);
  if (settings.mode !== 'auto') return 0;
  const since = now - settings.recentEditMinutes * 60_000;
  const { proposals } = await listProposals(deps.db, ctx, now);
  const touched = new Set<string>();
  let applied = 0;
  for (const p of proposals) {
    const other = p.otherOrder;
    if (touched.has(p.orderId) || (other && touched.has(other.orderId))) continue;
    if (await wasReallocated(deps.db, p.orderId, p.metric)) continue;
    if ((await decidedSince(deps.db, p.orderId, since)) || (other && (await decidedSince(deps.db, other.orderId, since)))) continue;
    try {
      await applyReallocation(
        deps,
        ctx,
        { orderId: p.orderId, version: p.version, metric: p.metric, technicianId: p.technicianId, otherOrderId: other?.orderId, otherVersion: other?.version, dispatch: true },
        AUTO_PRINCIPAL,
        now,
        true,
      );
      applied += 1;
      touched.add(p.orderId);
      if (other) touched.add(other.orderId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      deps.logger.info('automatic reallocation skipped', { orderId: p.orderId, detail: error.message });
    }
  }
  return applied;
}
