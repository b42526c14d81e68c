import type { Selectable } from 'kysely';
import type { MethodOutput } from '../../shared/contract';
import type { Role, Scope } from '../../shared/roles';
import { hashSecret, newSecret, secretPrefix } from '../auth/tokens';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { requireEntity, requireReference } from './admin-guards';

type ApiKeyOut = MethodOutput<'apiKeys.revoke'>;

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

const ROLE_OF_KIND = { integration: 'integration', device: 'technician', display: 'display' } as const;

/** Integration keys, technician device tokens and wall display tokens. Only a secret's hash is stored. */
export function createApiKeyHandlers(deps: CoreDeps): HandlerMap<'apiKeys.list' | 'apiKeys.create' | 'apiKeys.revoke'> {
  return {
    'apiKeys.list': async () => (await deps.db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute()).map(toApiKey),

    'apiKeys.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        if (input.kind === 'device') await requireReference(trx, 'technicians', input.technicianId, 'technicianId', 'technician');
        const secret = newSecret('k');
        const row = {
          id: newId('key', ctx.now),
          name: input.name,
          kind: input.kind,
          prefix: secretPrefix(secret),
          secret_hash: hashSecret(secret),
          role: ROLE_OF_KIND[input.kind],
          scopes_json: JSON.stringify(input.kind === 'integration' ? [...new Set(input.scopes)] : []),
          technician_id: input.kind === 'device' ? input.technicianId : null,
          created_by: ctx.principal?.kind === 'user' ? ctx.principal.id : null,
          created_at: ctx.now,
          expires_at: null,
          revoked_at: null,
          last_used_at: null,
        };
        await trx.insertInto('api_keys').values(row).execute();
        const key = toApiKey(row);
        await record({ entity: 'api_key', id: row.id, action: 'apiKey.created', after: key });
        // The secret is returned this once; from here on only its hash exists.
        return { key, secret };
      }),

    'apiKeys.revoke': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const row = requireEntity(await trx.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst(), 'API key', id);
        if (row.revoked_at !== null) return toApiKey(row);
        await trx.updateTable('api_keys').set({ revoked_at: ctx.now }).where('id', '=', id).execute();
        const after = toApiKey({ ...row, revoked_at: ctx.now });
        await record({ entity: 'api_key', id, action: 'apiKey.revoked', before: toApiKey(row), after });
        return after;
      }),
  };
}
