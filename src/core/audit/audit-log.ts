import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { canonicalJson } from '../../shared/canonical-json';
import type { Principal } from '../../shared/roles';
import type { AuditLogTable, Database } from '../db/schema';
import { newId } from '../db/ids';
import { prepareInsert, prepareQuery } from '../db/prepared-query';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Every column but the sequence and the hash itself: what the hash covers. */
type HashedFields = Omit<Selectable<AuditLogTable>, 'seq' | 'hash'>;

/** Each entry's hash covers its own fields and the previous entry's hash, so editing history breaks the chain. */
export function entryHash(fields: HashedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** Appends one entry; call it inside the transaction of the change it records. */
export async function appendAudit(
  trx: Transaction<Database>,
  actor: Principal | null,
  at: number,
  change: AuditChange,
): Promise<void> {
  const [last] = (await selectChainTail(trx, {})).rows;
  const fields: HashedFields = {
    id: newId('aud'),
    at,
    actor_kind: actor?.kind ?? 'anonymous',
    actor_id: actor?.id ?? '',
    actor_name: actor?.name ?? '',
    action: change.action,
    entity_type: change.entityType,
    entity_id: change.entityId,
    before_json: change.before === undefined ? null : canonicalJson(change.before),
    after_json: change.after === undefined ? null : canonicalJson(change.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await insertEntry(trx, { ...fields, hash: entryHash(fields) });
}

// Prepared: every change appends an entry (see prepareQuery).
const selectChainTail = prepareQuery<Record<string, never>, { hash: string }>((db) => db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1));
const insertEntry = prepareInsert('audit_log', [
  'id', 'at', 'actor_kind', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json', 'prev_hash', 'hash',
]);

export interface ChainVerification {
  ok: boolean;
  count: number;
  firstHash: string | null;
  lastHash: string | null;
  /** The first entry whose hash or link does not verify. */
  brokenAt: { seq: number; id: string; reason: string } | null;
}

export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const { seq, hash, ...fields } = row;
    if (fields.prev_hash !== prev) {
      return result(rows, { seq, id: row.id, reason: 'link to the previous entry is broken (entry missing or reordered)' });
    }
    if (entryHash(fields) !== hash) return result(rows, { seq, id: row.id, reason: 'entry content does not match its hash' });
    prev = hash;
  }
  return result(rows, null);
}

function result(rows: { hash: string }[], brokenAt: ChainVerification['brokenAt']): ChainVerification {
  return {
    ok: brokenAt === null,
    count: rows.length,
    firstHash: rows[0]?.hash ?? null,
    lastHash: rows.at(-1)?.hash ?? null,
    brokenAt,
  };
}
