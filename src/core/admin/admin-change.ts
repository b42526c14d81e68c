import type { Transaction } from 'kysely';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { inTransaction, type Emit } from '../db/transaction';
import type { CallContext, CoreDeps } from '../rpc/handlers';

/** What an administrative change has at hand inside its transaction. */
export interface AdminTx {
  trx: Transaction<Database>;
  ctx: CallContext;
  /** Records one changed entity: its audit entry now, its `reference.changed` event after the commit. */
  record(change: EntityChange): Promise<void>;
}

export interface EntityChange {
  /** Audit entity type and `reference.changed` entity, e.g. `technician`. */
  entity: string;
  id: string;
  /** e.g. `technician.updated`. */
  action: string;
  /** Absent for a creation. */
  before?: unknown;
  /** Absent for a deletion. */
  after?: unknown;
}

/**
 * Runs one administrative change in one transaction. Each changed entity gets exactly one audit entry with its
 * state before and after, and one `reference.changed` event published after the commit (the roster and intake
 * caches listen to it). An update that leaves an entity as it was records nothing: nothing changed.
 */
export function adminChange<T>(deps: CoreDeps, ctx: CallContext, work: (tx: AdminTx) => Promise<T>): Promise<T> {
  return inTransaction(deps.db, deps.bus, async (trx, emit) => work({ trx, ctx, record: (change) => record(trx, emit, ctx, change) })).catch(
    (error: unknown) => {
      throw storeConflict(error) ?? error;
    },
  );
}

/**
 * The services check references and unique fields first and say which field is at fault; a constraint they do not
 * know of (a table added later that refers to the entity) still answers 409 rather than an internal error.
 */
function storeConflict(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('conflict', 'Other records still refer to this entity, so the change was refused.');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('conflict', `A value that must be unique is already taken (${(error as Error).message}).`);
  return null;
}

async function record(trx: Transaction<Database>, emit: Emit, ctx: CallContext, change: EntityChange): Promise<void> {
  if (change.before !== undefined && change.after !== undefined && canonicalJson(change.before) === canonicalJson(change.after)) return;
  await appendAudit(trx, ctx.principal, ctx.now, {
    action: change.action,
    entityType: change.entity,
    entityId: change.id,
    before: change.before,
    after: change.after,
  });
  emit('reference.changed', { entity: change.entity, id: change.id });
}
