import type { Selectable, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/schemas/admin-users.schema';
import { hashPassword } from '../auth/passwords';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { assertUnique, requireEntity, requireReference } from './admin-guards';

type Trx = Transaction<Database>;

function toUser(row: Selectable<Database['users']>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    technicianId: row.technician_id,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

async function userRow(trx: Trx, id: string) {
  return requireEntity(await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(), 'user', id);
}

/** Ends every open session of a user; returns how many there were. */
async function revokeSessions(trx: Trx, userId: string, now: number): Promise<number> {
  const result = await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * People who sign in. A signed-in admin cannot deactivate or demote themself, so a centre is never locked out by
 * a slip of the mouse; another admin (or the admin API key) can.
 */
export function createUserHandlers(deps: CoreDeps): HandlerMap<'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> {
  return {
    'users.list': async () => (await deps.db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser),

    'users.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await assertUnique(trx, 'users', 'username', input.username, 'username', 'user');
        await requireReference(trx, 'technicians', input.technicianId, 'technicianId', 'technician');
        const row = {
          id: newId('usr', ctx.now),
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: hashPassword(input.password),
          technician_id: input.technicianId ?? null,
          active: 1,
          created_at: ctx.now,
          updated_at: ctx.now,
        };
        await trx.insertInto('users').values(row).execute();
        const user = toUser(row);
        await record({ entity: 'user', id: row.id, action: 'user.created', after: user });
        return user;
      }),

    'users.update': ({ id, ...patch }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const row = await userRow(trx, id);
        const self = ctx.principal?.kind === 'user' && ctx.principal.id === id;
        if (self && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'))) {
          throw new AppError('conflict', 'You cannot deactivate or demote your own account; ask another admin.', [
            { path: patch.active === false ? 'active' : 'role', message: 'not on your own account' },
          ]);
        }
        await requireReference(trx, 'technicians', patch.technicianId, 'technicianId', 'technician');
        const next = {
          ...row,
          display_name: patch.displayName ?? row.display_name,
          role: patch.role ?? row.role,
          technician_id: patch.technicianId === undefined ? row.technician_id : patch.technicianId,
          active: patch.active === undefined ? row.active : patch.active ? 1 : 0,
        };
        const [before, after] = [toUser(row), toUser(next)];
        await trx
          .updateTable('users')
          .set({ display_name: next.display_name, role: next.role, technician_id: next.technician_id, active: next.active, updated_at: ctx.now })
          .where('id', '=', id)
          .execute();
        // A deactivated user's sessions are refused at once anyway; ending them keeps the session list truthful.
        if (!after.active) await revokeSessions(trx, id, ctx.now);
        await record({ entity: 'user', id, action: 'user.updated', before, after });
        return after;
      }),

    'users.resetPassword': ({ id, password }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const row = await userRow(trx, id);
        await trx.updateTable('users').set({ password_hash: hashPassword(password), updated_at: ctx.now }).where('id', '=', id).execute();
        const sessionsEnded = await revokeSessions(trx, id, ctx.now);
        // The audit says that the password was set and what it ended, never the password or its hash.
        await record({ entity: 'user', id, action: 'user.passwordReset', after: { username: row.username, passwordReset: true, sessionsEnded } });
        return toUser(row);
      }),
  };
}
