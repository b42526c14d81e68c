import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { zoneAt } from '../sla/site-zone';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { appendOrderEvent } from '../work-orders/work-order-events';
import { readWorkOrder } from '../work-orders/work-order-read';
import { toSummary } from '../work-orders/work-order-summary';
import { liveClockBasis } from './clock-basis';
import { percentOfTarget, wallPercentAt } from './clock-model';
import type { ClockRow } from './clock-store';
import { recomputeOrderClocks } from './clock-sync';

const brief = (c: ClockRow) => ({ state: c.state, targetSeconds: c.target_seconds, dueAt: c.due_at, elapsedSeconds: c.elapsed_seconds });

/**
 * SLA repair (DOMAIN.md): the one way a correction to a calendar or policy reaches orders already created. Each
 * order in its own transaction: its clocks take the policy's current targets and basis, are recomputed from the
 * order's history, and the change is written down three times over — an audit entry with before/after, an
 * `sla_repaired` event in the order's history, and a `repaired` entry on each clock's timeline.
 */
export function createSlaRepairHandlers({ db, bus }: CoreDeps): HandlerMap<'sla.repair'> {
  const calendars = new PolicyCalendars(db);
  return {
    'sla.repair': async ({ orderIds, reason }, { principal, now }) => {
      const results = [];
      for (const orderId of [...new Set(orderIds)]) {
        results.push(
          await inTransaction(db, bus, async (trx, emit) => {
            const order = await trx
              .selectFrom('work_orders as wo')
              .innerJoin('sites as s', 's.id', 'wo.site_id')
              .select(['wo.id', 'wo.number', 's.time_zone', 's.lat', 's.lon'])
              .where('wo.id', '=', orderId)
              .executeTakeFirst();
            if (!order) throw new AppError('not_found', `No work order with id "${orderId}".`, [{ path: 'orderIds', message: `unknown order ${orderId}` }]);
            const before = await trx.selectFrom('sla_clocks').selectAll().where('work_order_id', '=', orderId).orderBy('metric').execute();
            if (before.length === 0) return { orderId, number: order.number, clocks: [] };
            const siteZone = order.time_zone ?? zoneAt(order.lat, order.lon);
            for (const clock of before) {
              const policy = await trx.selectFrom('sla_policies').selectAll().where('id', '=', clock.policy_id).executeTakeFirstOrThrow();
              const target = await trx.selectFrom('sla_targets').select('target_seconds').where('policy_id', '=', policy.id).where('metric', '=', clock.metric).executeTakeFirst();
              const basis = liveClockBasis(policy, await calendars.get(trx, policy.calendar_id), siteZone);
              await trx
                .updateTable('sla_clocks')
                .set({ calendar_id: policy.calendar_id, target_seconds: target?.target_seconds ?? clock.target_seconds, definition_json: JSON.stringify(basis), updated_at: now })
                .where('id', '=', clock.id)
                .execute();
            }
            await recomputeOrderClocks(trx, orderId, now, calendars);
            const after = await trx.selectFrom('sla_clocks').selectAll().where('work_order_id', '=', orderId).orderBy('metric').execute();
            const clocks = before.map((b, i) => ({ metric: b.metric, before: brief(b), after: brief(after[i]!) }));
            await trx
              .insertInto('sla_clock_timeline')
              .values(after.map((a, i) => ({
                id: newId('slt', now), clock_id: a.id, at: now, event: 'repaired', elapsed_seconds: a.elapsed_seconds,
                percent_elapsed: percentOfTarget(a.elapsed_seconds, a.target_seconds),
                wall_percent: wallPercentAt(now, a.started_at, a.due_at), data_json: JSON.stringify({ reason, before: clocks[i]!.before, after: clocks[i]!.after }),
              })))
              .execute();
            await appendOrderEvent(trx, orderId, principal, now, { type: 'sla_repaired', at: now, data: { reason, clocks } });
            await appendAudit(trx, principal, now, {
              action: 'sla.repair', entityType: 'work_order', entityId: orderId,
              before: { reason, clocks: clocks.map((c) => ({ metric: c.metric, ...c.before })) },
              after: { reason, clocks: clocks.map((c) => ({ metric: c.metric, ...c.after })) },
            });
            emit('workOrder.changed', { order: toSummary(await readWorkOrder(trx, orderId)), change: 'sla_repaired' });
            return { orderId, number: order.number, clocks };
          }),
        );
      }
      return { results };
    },
  };
}
