import { AppError } from '../../shared/errors';
import type { Category } from '../../shared/schemas/reference.schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { toContractCandidate } from './assignment-context';
import { assignTechnician } from './manual-assignment';
import { proposeAssignment, rankForOrder } from './assignment-flow';
import { recomputeOrderClocks } from '../sla-clocks';
import { missingCompliance, type ComplianceStage } from './compliance';
import { changeOrder, requeueAwayFrom, type OrderRow, type Trx } from './order-transaction';
import { PolicyCalendars } from './policy-calendars';
import { readWorkOrder } from './work-order-read';

type Names =
  | 'workOrders.get'
  | 'workOrders.candidates'
  | 'workOrders.approve'
  | 'workOrders.assign'
  | 'workOrders.update'
  | 'workOrders.cancel'
  | 'workOrders.close'
  | 'workOrders.reopen'
  | 'workOrders.accept'
  | 'workOrders.reject'
  | 'workOrders.progress'
  | 'workOrders.hold'
  | 'workOrders.resume';

const eventTime = (at: string | undefined) => (at === undefined ? undefined : Date.parse(at));

export function createWorkOrderActionHandlers(deps: CoreDeps): HandlerMap<Names> {
  const { db } = deps;
  const calendars = new PolicyCalendars(db);

  // Inside a transaction every query must go through `trx`: the store has one connection, and a query on `db`
  // would wait for the transaction that is waiting for it.
  /** Compliance values so far plus the new ones; refuses the step if a field it requires is still missing. */
  async function checkCompliance(trx: Trx, row: OrderRow, stage: ComplianceStage, values: Record<string, string | number | boolean> = {}) {
    const category = await trx.selectFrom('categories').select('compliance_fields_json').where('id', '=', row.category_id).executeTakeFirstOrThrow();
    const fields = JSON.parse(category.compliance_fields_json) as Category['complianceFields'];
    const known = new Set(fields.map((f) => f.key));
    const unknown = Object.keys(values).filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('validation', `Unknown compliance fields: ${unknown.join(', ')}.`, unknown.map((k) => ({ path: `compliance.${k}`, message: 'not a field of this category' })));
    const merged = { ...JSON.parse(row.compliance_json), ...values };
    const missing = missingCompliance(fields, merged, stage);
    if (missing.length) {
      throw new AppError(
        'validation',
        `Cannot mark ${stage.replace('_', ' ')}: missing ${missing.map((m) => m.label).join(', ')}.`,
        missing.map((m) => ({ path: `compliance.${m.key}`, message: `required before ${stage.replace('_', ' ')}` })),
      );
    }
    return JSON.stringify(merged);
  }

  /** Re-derives the order's SLA clocks from its history inside the change's transaction (pauses, stops, reopen). */
  const syncClocks = (id: string, now: number) => (trx: Trx) => recomputeOrderClocks(trx, id, now, calendars);

  return {
    'workOrders.get': async ({ id }, { principal }) => {
      const order = await readWorkOrder(db, id, true);
      if (principal?.role === 'technician' && order.technicianId !== principal.technicianId) throw new AppError('forbidden', `${order.number} is not assigned to you.`);
      return order;
    },

    'workOrders.candidates': async ({ id, limit }, { now }) => {
      await readWorkOrder(db, id);
      const { result, roster } = await rankForOrder(db, id, now, limit);
      return {
        ranked: result.ranked.map((c) => toContractCandidate(c, roster.names)),
        ineligible: result.ineligible.map((t) => ({ technicianId: t.technicianId, technicianName: roster.names.get(t.technicianId) ?? t.technicianId, violations: t.violations })),
      };
    },

    'workOrders.approve': async ({ id, version }, { principal, now }) =>
      changeOrder(deps, { id, version, action: 'approve', principal, now }, async (row) => ({
        set: { status: 'dispatched' },
        to: 'dispatched',
        data: { technicianId: row.technician_id, notified: ['technician-app'] },
      })),

    'workOrders.assign': async ({ id, version, technicianId, dispatch }, { principal, now }) =>
      assignTechnician(deps, { id, version, technicianId, dispatch, principal, now, mode: 'manual' }),

    'workOrders.update': async ({ id, version, priority, description, estimatedMinutes }, { principal, now }) =>
      changeOrder(deps, { id, version, action: 'update', principal, now }, async (row) => ({
        set: { priority: priority ?? row.priority, description: description ?? row.description, estimated_minutes: estimatedMinutes ?? row.estimated_minutes },
        to: null,
        data: { priority, description, estimatedMinutes },
      })),

    'workOrders.cancel': async ({ id, version, reason }, { principal, now }) =>
      changeOrder(deps, { id, version, action: 'cancel', principal, now }, async () => ({
        set: { status: 'cancelled', held_from_status: null, hold_reason: null },
        to: 'cancelled',
        data: { reason },
        after: syncClocks(id, now),
      })),

    'workOrders.close': async ({ id, version, compliance }, { principal, now }) =>
      changeOrder(deps, { id, version, action: 'close', principal, now }, async (row, trx) => ({
        set: { status: 'closed', compliance_json: await checkCompliance(trx, row, 'closed', compliance) },
        to: 'closed',
        data: { compliance: Object.keys(compliance ?? {}) },
      })),

    'workOrders.reopen': async ({ id, version, reason }, { principal, now }) =>
      changeOrder(deps, { id, version, action: 'reopen', principal, now }, async (row, trx) => {
        const policy = row.sla_policy_id ? await trx.selectFrom('sla_policies').select('reopen_window_seconds').where('id', '=', row.sla_policy_id).executeTakeFirst() : undefined;
        const clock = await trx.selectFrom('sla_clocks').select('stopped_at').where('work_order_id', '=', id).where('metric', '=', 'resolution').executeTakeFirst();
        const completedAt = clock?.stopped_at ?? row.updated_at;
        if (policy && now - completedAt > policy.reopen_window_seconds * 1000) {
          throw new AppError('conflict', `The reopen window of ${Math.round(policy.reopen_window_seconds / 3600)} h after completion has passed; create a new request instead.`);
        }
        return {
          set: { status: 'new', technician_id: null, assignment_json: null },
          to: 'new',
          data: { reason },
          // The resolution clock resumes (completion to reopening does not count), then a new proposal is made.
          after: async (t) => {
            await recomputeOrderClocks(t, id, now, calendars);
            await proposeAssignment(t, { orderId: id, principal, now });
          },
        };
      }),

    'workOrders.accept': async ({ id, at }, { principal, now }) => {
      const when = eventTime(at) ?? now;
      return changeOrder(deps, { id, action: 'accept', principal, now, at: when }, async () => ({
        set: { status: 'accepted' },
        to: 'accepted',
        after: syncClocks(id, now),
      }));
    },

    'workOrders.reject': async ({ id, at, reason }, { principal, now }) =>
      changeOrder(deps, { id, action: 'reject', principal, now, at: eventTime(at) }, async (row) => requeueAwayFrom(row, principal, now, { reason })),

    'workOrders.progress': async ({ id, at, status, compliance, note }, { principal, now }) => {
      const when = eventTime(at) ?? now;
      return changeOrder(deps, { id, action: status, principal, now, at: when }, async (row, trx) => {
        const values = status === 'en_route' ? JSON.stringify({ ...JSON.parse(row.compliance_json), ...compliance }) : await checkCompliance(trx, row, status, compliance);
        return {
          set: { status, compliance_json: values },
          to: status,
          data: { note, compliance: compliance ? Object.keys(compliance) : [] },
          after: syncClocks(id, now),
        };
      });
    },

    'workOrders.hold': async ({ id, at, reason }, { principal, now }) =>
      changeOrder(deps, { id, action: 'hold', principal, now, at: eventTime(at) }, async (row) => ({
        set: { status: 'on_hold', held_from_status: row.status as 'accepted', hold_reason: reason },
        to: 'on_hold',
        data: { reason },
        after: syncClocks(id, now),
      })),

    'workOrders.resume': async ({ id, at }, { principal, now }) =>
      changeOrder(deps, { id, action: 'resume', principal, now, at: eventTime(at) }, async (row) => ({
        set: { status: row.held_from_status!, held_from_status: null, hold_reason: null },
        to: row.held_from_status,
        data: { heldFor: row.hold_reason },
        after: syncClocks(id, now),
      })),
  };
}
