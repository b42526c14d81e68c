import type { Selectable } from 'kysely';
import type { MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Role, Scope } from '../../shared/roles';
import { appendAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/passwords';
import { hashSecret, newSecret, secretPrefix } from '../auth/tokens';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';

type ApiKeyOut = MethodOutput<'apiKeys.revoke'>;
type UserOut = MethodOutput<'users.create'>;

function toApiKey(row: Selectable<Database['api_keys']>): ApiKeyOut {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    prefix: row.prefix,
    role: row.role as Role,
    scopes: JSON.parse(row.scopes_json) as Scope[],
    technicianId: row.technician_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

function toUser(row: Selectable<Database['users']>): UserOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as UserOut['role'],
    technicianId: row.technician_id,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

const ROLE_OF_KIND = { integration: 'integration', device: 'technician', display: 'display' } as const;

export function createAdminHandlers({ db, bus }: CoreDeps): HandlerMap<
  'users.list' | 'users.create' | 'apiKeys.list' | 'apiKeys.create' | 'apiKeys.revoke'
> {
  return {
    'users.list': async () => (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser),

    'users.create': async (input, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
        if (taken) throw new AppError('conflict', `The username "${input.username}" is already taken.`, [{ path: 'username', message: 'already taken' }]);
        if (input.technicianId) await requireTechnician(trx, input.technicianId, 'technicianId');
        const row = {
          id: newId('usr'),
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: hashPassword(input.password),
          technician_id: input.technicianId ?? null,
          active: 1,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('users').values(row).execute();
        const user = toUser(row);
        await appendAudit(trx, principal, now, { action: 'user.created', entityType: 'user', entityId: row.id, after: user });
        emit('reference.changed', { entity: 'user', id: row.id });
        return user;
      }),

    'apiKeys.list': async () => (await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute()).map(toApiKey),

    'apiKeys.create': async (input, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        if (input.kind === 'device') await requireTechnician(trx, input.technicianId, 'technicianId');
        const secret = newSecret('k');
        const row = {
          id: newId('key'),
          name: input.name,
          kind: input.kind,
          prefix: secretPrefix(secret),
          secret_hash: hashSecret(secret),
          role: ROLE_OF_KIND[input.kind],
          scopes_json: JSON.stringify(input.kind === 'integration' ? [...new Set(input.scopes)] : []),
          technician_id: input.kind === 'device' ? input.technicianId : null,
          created_by: principal?.kind === 'user' ? principal.id : null,
          created_at: now,
          expires_at: null,
          revoked_at: null,
          last_used_at: null,
        };
        await trx.insertInto('api_keys').values(row).execute();
        const key = toApiKey(row);
        await appendAudit(trx, principal, now, { action: 'apiKey.created', entityType: 'api_key', entityId: row.id, after: key });
        emit('reference.changed', { entity: 'api_key', id: row.id });
        return { key, secret };
      }),

    'apiKeys.revoke': async ({ id }, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await trx.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) throw new AppError('not_found', `No API key with id "${id}".`);
        if (before.revoked_at !== null) return toApiKey(before);
        await trx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
        const after = toApiKey({ ...before, revoked_at: now });
        await appendAudit(trx, principal, now, { action: 'apiKey.revoked', entityType: 'api_key', entityId: id, before: toApiKey(before), after });
        emit('reference.changed', { entity: 'api_key', id });
        return after;
      }),
  };
}

async function requireTechnician(trx: Parameters<Parameters<typeof inTransaction>[2]>[0], id: string, path: string): Promise<void> {
  const found = await trx.selectFrom('technicians').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('validation', `No technician with id "${id}".`, [{ path, message: 'unknown technician' }]);
}
