import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';

type Trx = Transaction<Database>;
type Table = keyof Database;

async function countWhere(trx: Trx, table: Table, column: string, value: unknown, exceptId?: string): Promise<number> {
  const except = exceptId === undefined ? sql`` : sql` AND id <> ${exceptId}`;
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value}${except}`.execute(trx);
  return rows[0]?.n ?? 0;
}

/** The entity the call addresses: a 404 problem when there is none. */
export function requireEntity<R>(row: R | undefined, what: string, id: string): R {
  if (row === undefined) throw new AppError('not_found', `No ${what} with id "${id}".`);
  return row;
}

/** A 409 naming `field` when another row of `table` already has this value (e.g. a duplicate code). */
export async function assertUnique(trx: Trx, table: Table, column: string, value: unknown, field: string, what: string, exceptId?: string): Promise<void> {
  if (value === null || value === undefined) return;
  if ((await countWhere(trx, table, column, value, exceptId)) === 0) return;
  throw new AppError('conflict', `A ${what} with ${field} "${String(value)}" already exists.`, [{ path: field, message: 'already taken' }]);
}

/** A 400 naming `field` when the id it refers to does not exist (a reference inside the input, not the target). */
export async function requireReference(trx: Trx, table: Table, id: string | null | undefined, field: string, what: string): Promise<void> {
  if (id === null || id === undefined) return;
  if ((await countWhere(trx, table, 'id', id)) > 0) return;
  throw new AppError('validation', `No ${what} with id "${id}".`, [{ path: field, message: `unknown ${what}` }]);
}

export interface Use {
  table: Table;
  column: string;
  /** Singular and plural noun for the message, e.g. `['technician', 'technicians']`. */
  label: readonly [string, string];
}

/**
 * Before a delete: a 409 that says what still refers to the entity (e.g. "used by 3 technicians and 1 category"),
 * instead of the store's bare foreign-key failure.
 */
export async function assertUnused(trx: Trx, what: string, id: string, uses: readonly Use[], advice = ''): Promise<void> {
  const found: string[] = [];
  for (const use of uses) {
    const n = await countWhere(trx, use.table, use.column, id);
    if (n > 0) found.push(`${n} ${n === 1 ? use.label[0] : use.label[1]}`);
  }
  if (found.length === 0) return;
  throw new AppError('conflict', `The ${what} is still used by ${found.join(', ')}; it cannot be deleted.${advice ? ` ${advice}` : ''}`);
}

/**
 * The `updated_at` of an edited row. Caches key on it (PolicyCalendars reloads a calendar whose updated_at moved),
 * so two edits within one millisecond, or under a clock that stands still, must still move it.
 */
export function nextUpdatedAt(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}

/**
 * Skill codes of an input list to their ids, in order; an unknown code is a 400 naming the element's field
 * (`skills.2.skillCode`), so a form can mark the row.
 */
export async function skillIdsOf(trx: Trx, codes: readonly string[], listField: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await trx.selectFrom('skills').select(['id', 'code']).where('code', 'in', codes).execute();
  const idOf = new Map(rows.map((r) => [r.code, r.id]));
  const missing = codes.filter((code) => !idOf.has(code));
  if (missing.length > 0) {
    const errors = codes.flatMap((code, i) => (idOf.has(code) ? [] : [{ path: `${listField}.${i}.skillCode`, message: `unknown skill "${code}"` }]));
    throw new AppError('validation', `Unknown skill code(s): ${missing.join(', ')}.`, errors);
  }
  return codes.map((code) => idOf.get(code)!);
}
