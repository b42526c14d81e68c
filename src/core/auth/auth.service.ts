import { AppError } from '../../shared/errors';
import type { Principal, Role, Scope } from '../../shared/roles';
import { appendAudit } from '../audit/audit-log';
import type { Selectable } from 'kysely';
import { newId } from '../db/ids';
import { prepareQuery } from '../db/prepared-query';
import type { ApiKeyTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { hashPassword, verifyPassword } from './passwords';
import { hashSecret, newSecret, secretPrefix } from './tokens';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// Prepared: every integration request is authenticated by its key (see prepareQuery).
const selectKey = prepareQuery<{ hash: string }, Selectable<ApiKeyTable>>((db, v) => db.selectFrom('api_keys').selectAll().where('secret_hash', '=', v.hash));
// A burned hash for unknown users, so a login for a missing name costs as much as a wrong password.
const DUMMY_HASH = hashPassword('not-a-real-password');

export interface AuthService {
  /** The principal behind a bearer token, or null if the token is unknown, expired or revoked. */
  resolveToken(token: string): Promise<Principal | null>;
  /** Ensures a key with this secret exists with the admin role (from DISPATCH_ADMIN_TOKEN). */
  bootstrapAdminToken(secret: string): Promise<void>;
  handlers: HandlerMap<'auth.login' | 'auth.logout' | 'auth.me'>;
}

const KEY_USE_RESOLUTION_MS = 60_000;

export function createAuthService({ db, bus, clock }: CoreDeps): AuthService {
  /**
   * "Last used" for the admin's key list, written at most once a minute per key: a write on every request of a
   * busy integration would cost more than the request. Not audited: using a key changes nothing about it.
   */
  async function noteKeyUse(id: string, lastUsedAt: number | null, now: number): Promise<void> {
    if (lastUsedAt !== null && now - lastUsedAt < KEY_USE_RESOLUTION_MS) return;
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  async function resolveToken(token: string): Promise<Principal | null> {
    if (!token.startsWith('dcr_') && token.length < 16) return null;
    const hash = hashSecret(token);
    const now = clock.now();
    // A `dcr_k_` secret is an API key (the busy path: integrations), so its lookup skips the sessions table.
    const session = token.startsWith('dcr_k_') ? undefined : await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id as session_id', 'users.id', 'users.display_name', 'users.role', 'users.technician_id', 'users.active', 'sessions.expires_at', 'sessions.revoked_at'])
      .where('sessions.token_hash', '=', hash)
      .executeTakeFirst();
    if (session) {
      if (session.revoked_at !== null || session.expires_at <= now || !session.active) return null;
      return {
        kind: 'user',
        id: session.id,
        name: session.display_name,
        role: session.role as Role,
        scopes: [],
        technicianId: session.technician_id,
        credentialId: session.session_id,
      };
    }
    const [key] = (await selectKey(db, { hash })).rows;
    if (!key || key.revoked_at !== null || (key.expires_at !== null && key.expires_at <= now)) return null;
    await noteKeyUse(key.id, key.last_used_at, now);
    return {
      kind: 'apiKey',
      id: key.id,
      name: key.name,
      role: key.role as Role,
      scopes: JSON.parse(key.scopes_json) as Scope[],
      technicianId: key.technician_id,
      credentialId: key.id,
    };
  }

  async function bootstrapAdminToken(secret: string): Promise<void> {
    if (secret.length < 16) throw new Error('DISPATCH_ADMIN_TOKEN must be at least 16 characters long.');
    const hash = hashSecret(secret);
    const existing = await db.selectFrom('api_keys').select('id').where('secret_hash', '=', hash).executeTakeFirst();
    if (existing) return;
    const now = clock.now();
    await inTransaction(db, bus, async (trx) => {
      const row = {
        id: newId('key'),
        name: 'Bootstrap admin (DISPATCH_ADMIN_TOKEN)',
        kind: 'admin' as const,
        prefix: secretPrefix(secret),
        secret_hash: hash,
        role: 'admin',
        scopes_json: '[]',
        technician_id: null,
        created_by: null,
        created_at: now,
        expires_at: null,
        revoked_at: null,
        last_used_at: null,
      };
      await trx.insertInto('api_keys').values(row).execute();
      await appendAudit(trx, { kind: 'system', id: 'bootstrap', name: 'Bootstrap', role: 'admin', scopes: [] }, now, {
        action: 'apiKey.created',
        entityType: 'api_key',
        entityId: row.id,
        after: { name: row.name, kind: row.kind, role: row.role, prefix: row.prefix },
      });
    });
  }

  const handlers: AuthService['handlers'] = {
    'auth.login': async ({ username, password }, { now }) => {
      const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      const valid = verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !user.active || !user.password_hash || !valid) {
        throw new AppError('unauthenticated', 'Unknown username or wrong password.');
      }
      const token = newSecret('s');
      const expiresAt = now + SESSION_TTL_MS;
      await db
        .insertInto('sessions')
        .values({ id: newId('ses'), user_id: user.id, token_hash: hashSecret(token), created_at: now, expires_at: expiresAt, revoked_at: null })
        .execute();
      return {
        token,
        expiresAt,
        user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role as Role },
      };
    },
    'auth.logout': async (_input, { principal, now }) => {
      if (principal?.kind === 'user' && principal.credentialId) {
        await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', principal.credentialId).execute();
      }
      return { ok: true as const };
    },
    'auth.me': async (_input, { principal }) => {
      if (!principal) throw new AppError('unauthenticated', 'A bearer token is required.');
      return {
        kind: principal.kind,
        id: principal.id,
        name: principal.name,
        role: principal.role,
        scopes: [...principal.scopes],
        technicianId: principal.technicianId ?? null,
      };
    },
  };

  return { resolveToken, bootstrapAdminToken, handlers };
}
