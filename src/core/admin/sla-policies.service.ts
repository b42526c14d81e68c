import type { Transaction } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { SlaPolicy } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { loadPolicies } from '../reference/policy-queries';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { assertUnique, assertUnused, requireEntity, requireReference } from './admin-guards';

type Trx = Transaction<Database>;
type Patch = Omit<ParsedInput<'slaPolicies.update'>, 'id'>;
type Targets = ParsedInput<'slaPolicies.create'>['targets'];

async function policyById(trx: Trx, id: string): Promise<SlaPolicy> {
  return requireEntity((await loadPolicies(trx, [id]))[0], 'SLA policy', id);
}

async function checkReferences(trx: Trx, fields: Patch, exceptId?: string): Promise<void> {
  await assertUnique(trx, 'sla_policies', 'name', fields.name, 'name', 'SLA policy', exceptId);
  await requireReference(trx, 'calendars', fields.calendarId, 'calendarId', 'calendar');
  await requireReference(trx, 'categories', fields.match?.categoryId, 'match.categoryId', 'category');
  await requireReference(trx, 'customers', fields.match?.customerId, 'match.customerId', 'customer');
  await requireReference(trx, 'escalation_protocols', fields.escalationProtocolId, 'escalationProtocolId', 'escalation protocol');
}

async function replaceTargets(trx: Trx, policyId: string, targets: Targets): Promise<void> {
  await trx.deleteFrom('sla_targets').where('policy_id', '=', policyId).execute();
  if (targets.length === 0) return;
  await trx
    .insertInto('sla_targets')
    .values(targets.map((t) => ({ policy_id: policyId, metric: t.metric, target_seconds: t.targetSeconds })))
    .execute();
}

const sorted = (thresholds: readonly number[] | undefined) => (thresholds ? JSON.stringify([...thresholds].sort((a, b) => a - b)) : undefined);

/**
 * SLA policies. Orders copy their policy's targets and due instants into their clocks at intake (DOMAIN.md), so an
 * edit here reaches new orders only (the intake cache drops its policies on `reference.changed`); nothing here
 * touches `sla_clocks`.
 */
export function createSlaPolicyHandlers(deps: CoreDeps): HandlerMap<'slaPolicies.create' | 'slaPolicies.update' | 'slaPolicies.delete'> {
  return {
    'slaPolicies.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await checkReferences(trx, input);
        const id = newId('sla', ctx.now);
        await trx
          .insertInto('sla_policies')
          .values({
            id,
            name: input.name,
            rank: input.rank,
            priority: input.match.priority,
            category_id: input.match.categoryId,
            customer_id: input.match.customerId,
            contract_code: input.match.contractCode,
            calendar_id: input.calendarId,
            zone_mode: input.zoneMode,
            pausing_reasons_json: JSON.stringify(input.pausingReasons),
            warning_thresholds_json: sorted(input.warningThresholds)!,
            reopen_window_seconds: input.reopenWindowSeconds,
            escalation_protocol_id: input.escalationProtocolId,
            active: input.active ? 1 : 0,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .execute();
        await replaceTargets(trx, id, input.targets);
        const after = await policyById(trx, id);
        await record({ entity: 'sla_policy', id, action: 'slaPolicy.created', after });
        return after;
      }),

    'slaPolicies.update': ({ id, ...patch }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await policyById(trx, id);
        await checkReferences(trx, patch, id);
        await trx
          .updateTable('sla_policies')
          .set({
            name: patch.name,
            rank: patch.rank,
            priority: patch.match && patch.match.priority,
            category_id: patch.match && patch.match.categoryId,
            customer_id: patch.match && patch.match.customerId,
            contract_code: patch.match && patch.match.contractCode,
            calendar_id: patch.calendarId,
            zone_mode: patch.zoneMode,
            pausing_reasons_json: patch.pausingReasons && JSON.stringify(patch.pausingReasons),
            warning_thresholds_json: sorted(patch.warningThresholds),
            reopen_window_seconds: patch.reopenWindowSeconds,
            escalation_protocol_id: patch.escalationProtocolId,
            active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
            updated_at: ctx.now,
          })
          .where('id', '=', id)
          .execute();
        if (patch.targets) await replaceTargets(trx, id, patch.targets);
        const after = await policyById(trx, id);
        await record({ entity: 'sla_policy', id, action: 'slaPolicy.updated', before, after });
        return after;
      }),

    'slaPolicies.delete': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await policyById(trx, id);
        await assertUnused(
          trx,
          `SLA policy "${before.name}"`,
          id,
          [
            { table: 'work_orders', column: 'sla_policy_id', label: ['work order', 'work orders'] },
            { table: 'sla_clocks', column: 'policy_id', label: ['SLA clock', 'SLA clocks'] },
          ],
          'Retire it with active: false instead, so the orders it measured keep their history.',
        );
        await trx.deleteFrom('sla_policies').where('id', '=', id).execute();
        await record({ entity: 'sla_policy', id, action: 'slaPolicy.deleted', before });
        return before;
      }),
  };
}
