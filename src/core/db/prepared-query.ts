import { CompiledQuery, type Compilable, type Insertable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema';

/** Stands in for a value while the query is built; each run binds its own value of the same name there. */
class Slot {
  constructor(readonly name: string) {}
}

/** The values a prepared query is built with: every property is a slot, typed as the value it stands for. */
export type Slots<P> = { readonly [K in keyof P]: P[K] };

/** Runs the prepared query in `db` (the database or the caller's transaction) with these values. */
export type PreparedQuery<P, R> = (db: Kysely<Database>, values: P) => Promise<QueryResult<R>>;

const slots = new Proxy({}, { get: (_target, name) => new Slot(String(name)) });

/**
 * A query Kysely builds and compiles once, on its first run, with slots where its values go; every run only binds
 * the values. On intake's path building and compiling a query cost more than SQLite's running it (a fifth of the
 * request, measured with bench/intake), so the queries every intake runs are prepared this way.
 *
 * The query's shape must not depend on the values: a slot is exactly one bound parameter, so no `in` lists of
 * varying length and no column left out for an undefined value (a run with an undefined value throws). One process
 * speaks one SQL dialect, so the compiled text is shared by every database it opens.
 */
export function prepareQuery<P extends Record<string, unknown>, R>(build: (db: Kysely<Database>, values: Slots<P>) => Compilable<R>): PreparedQuery<P, R> {
  let compiled: CompiledQuery<R> | null = null;
  return (db, values) => {
    compiled ??= build(db, slots as Slots<P>).compile();
    const parameters = compiled.parameters.map((parameter) => (parameter instanceof Slot ? valueOf(values, parameter.name) : parameter));
    return db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>);
  };
}

function valueOf(values: Record<string, unknown>, name: string): unknown {
  const value = values[name];
  if (value === undefined) throw new Error(`The prepared query's value "${name}" is undefined.`);
  return value;
}

/** Every column named, none optional: the row a prepared insert of these columns takes. */
export type InsertRow<T extends keyof Database, C extends keyof Insertable<Database[T]>> = Pick<Required<Insertable<Database[T]>>, C>;

/** A prepared insert of one row into `table` with exactly these columns. */
export function prepareInsert<T extends keyof Database & string, C extends keyof Insertable<Database[T]> & string>(
  table: T,
  columns: readonly C[],
): PreparedQuery<InsertRow<T, C>, never> {
  return prepareQuery<InsertRow<T, C>, never>((db, row) => db.insertInto(table).values(Object.fromEntries(columns.map((c) => [c, row[c]])) as never));
}
