import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** Thrown when a database cannot be brought to this build's schema; hosts show it instead of opening. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

export const hashMigration = (sql: string): string => createHash('sha256').update(sql, 'utf8').digest('hex');

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT`;

interface AppliedRow {
  name: string;
  hash: string;
}

function readApplied(sqlite: BetterSqlite3.Database): AppliedRow[] {
  const ledger = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!ledger) return [];
  return sqlite.prepare('SELECT name, hash FROM schema_migrations ORDER BY name').all() as AppliedRow[];
}

/**
 * The migrations still to apply, after checking that what the database has applied is exactly a prefix of
 * `migrations`: an unknown name means a newer build wrote it, a different hash means a shipped migration was
 * edited, and either way continuing could corrupt data, so we refuse rather than guess.
 */
function pendingMigrations(applied: readonly AppliedRow[], migrations: readonly Migration[]): Migration[] {
  const known = new Map(migrations.map((m, index) => [m.name, { ...m, index }]));
  const unknown = applied.filter((row) => !known.has(row.name)).map((row) => row.name);
  if (unknown.length > 0) {
    throw new MigrationError(
      `This database was written by a newer version of Dispatch Control Room: it has migration(s) ` +
        `${unknown.join(', ')}, which this build does not know. Refusing to open it; use the newer version.`,
    );
  }
  for (const row of applied) {
    const shipped = hashMigration(known.get(row.name)!.sql);
    if (row.hash !== shipped) {
      throw new MigrationError(
        `Migration ${row.name} in the database differs from the one shipped in this build ` +
          `(stored hash ${row.hash.slice(0, 12)}…, shipped ${shipped.slice(0, 12)}…): a shipped migration was ` +
          `edited. Refusing to open the database; restore the original migration and add a new one instead.`,
      );
    }
  }
  const appliedNames = new Set(applied.map((row) => row.name));
  const pending = migrations.filter((m) => !appliedNames.has(m.name));
  const lastApplied = Math.max(-1, ...applied.map((row) => known.get(row.name)!.index));
  const gap = pending.find((m) => known.get(m.name)!.index < lastApplied);
  if (gap) {
    throw new MigrationError(
      `Migration ${gap.name} was never applied but later ones were: the database's migration history is ` +
        `inconsistent. Refusing to open it.`,
    );
  }
  return pending;
}

/**
 * Applies every pending migration in one IMMEDIATE transaction (so two processes opening the same file cannot
 * both migrate, and a failure leaves the database exactly as it was). Returns the names applied.
 */
export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): string[] {
  const run = sqlite.transaction(() => {
    sqlite.exec(CREATE_LEDGER);
    const pending = pendingMigrations(readApplied(sqlite), migrations);
    const record = sqlite.prepare('INSERT INTO schema_migrations (name, hash, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      sqlite.exec(m.sql);
      record.run(m.name, hashMigration(m.sql), now());
    }
    // foreign_keys cannot be switched off inside a transaction, so a migration that rebuilds a table could
    // leave dangling references unnoticed; check before committing.
    const violations = sqlite.prepare('PRAGMA foreign_key_check').all();
    if (violations.length > 0) {
      throw new MigrationError(
        `Migrations ${pending.map((m) => m.name).join(', ')} left ${violations.length} foreign key ` +
          `violation(s), e.g. ${JSON.stringify(violations[0])}; nothing was applied.`,
      );
    }
    return pending.map((m) => m.name);
  });
  return run.immediate();
}

/** Brings a database up to and including `name` only: tests use it to build an old database and migrate it forward. */
export function migrateTo(sqlite: BetterSqlite3.Database, name: string, now: () => number = Date.now): string[] {
  const index = MIGRATIONS.findIndex((m) => m.name === name);
  if (index < 0) throw new MigrationError(`Unknown migration ${name}`);
  return migrate(sqlite, MIGRATIONS.slice(0, index + 1), now);
}

/** For read-only connections, which cannot migrate: refuses unless the database is exactly at this build's schema. */
export function assertMigrated(sqlite: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = pendingMigrations(readApplied(sqlite), migrations);
  if (pending.length > 0) {
    throw new MigrationError(
      `The database needs migration(s) ${pending.map((m) => m.name).join(', ')}; open it read-write first.`,
    );
  }
}
