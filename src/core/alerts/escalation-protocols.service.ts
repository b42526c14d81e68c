import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { EscalationLevels, type EscalationProtocol } from '../../shared/schemas/escalation.schema';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../db/ids';
import type { Database, EscalationProtocolTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';

type ProtocolView = z.infer<typeof EscalationProtocol>;

async function toProtocols(db: Kysely<Database>, rows: readonly Selectable<EscalationProtocolTable>[]): Promise<ProtocolView[]> {
  const ids = rows.map((r) => r.id);
  const policies = ids.length === 0 ? [] : await db.selectFrom('sla_policies').select(['name', 'escalation_protocol_id']).where('escalation_protocol_id', 'in', ids).orderBy('name').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    levels: EscalationLevels.parse(JSON.parse(row.levels_json)),
    usedBy: policies.filter((p) => p.escalation_protocol_id === row.id).map((p) => p.name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

async function requireFreeName(db: Kysely<Database>, name: string, exceptId: string | null): Promise<void> {
  const taken = await db.selectFrom('escalation_protocols').select('id').where('name', '=', name).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw new AppError('conflict', `An escalation protocol named "${name}" already exists.`, [{ path: 'name', message: 'already taken' }]);
}

export function createEscalationProtocolHandlers({ db, bus }: CoreDeps): HandlerMap<'escalationProtocols.list' | 'escalationProtocols.create' | 'escalationProtocols.update'> {
  return {
    'escalationProtocols.list': async () => toProtocols(db, await db.selectFrom('escalation_protocols').selectAll().orderBy('name').execute()),

    'escalationProtocols.create': async ({ name, levels }, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        await requireFreeName(trx, name, null);
        const row = { id: newId('esc', now), name, levels_json: JSON.stringify(levels), created_at: now, updated_at: now };
        await trx.insertInto('escalation_protocols').values(row).execute();
        const [created] = await toProtocols(trx, [row]);
        await appendAudit(trx, principal, now, { action: 'escalationProtocol.created', entityType: 'escalation_protocol', entityId: row.id, after: created });
        emit('reference.changed', { entity: 'escalation_protocol', id: row.id });
        return created!;
      }),

    'escalationProtocols.update': async ({ id, name, levels }, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await trx.selectFrom('escalation_protocols').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) throw new AppError('not_found', `No escalation protocol with id "${id}".`);
        if (name !== undefined) await requireFreeName(trx, name, id);
        const after = { ...before, name: name ?? before.name, levels_json: levels ? JSON.stringify(levels) : before.levels_json, updated_at: now };
        await trx.updateTable('escalation_protocols').set({ name: after.name, levels_json: after.levels_json, updated_at: now }).where('id', '=', id).execute();
        const [beforeView, afterView] = await toProtocols(trx, [before, after]);
        await appendAudit(trx, principal, now, { action: 'escalationProtocol.updated', entityType: 'escalation_protocol', entityId: id, before: beforeView, after: afterView });
        emit('reference.changed', { entity: 'escalation_protocol', id });
        return afterView!;
      }),
  };
}
