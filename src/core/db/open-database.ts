import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { assertSound, isDamage, StoreDamagedError } from './integrity';
import { assertMigrated, migrate } from './migrate';
import type { Database } from './schema';

export interface OpenDatabaseOptions {
  file: string | ':memory:';
  /**
   * Path of a better_sqlite3.node built for the running ABI. Electron passes its own build, kept apart from
   * Node's, so switching between the app and the tests never breaks either (ARCHITECTURE.md, native module).
   */
  nativeBinding?: string;
  /** Read-only connections (report workers) cannot migrate: the database must already be current. */
  readonly?: boolean;
  /** Start-up: check every page before anything is written (PRAGMA quick_check). */
  checkIntegrity?: boolean;
}

export interface AppDatabase {
  /** The raw connection, for pragmas, backups and the migration runner. */
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  close(): void;
}

const BUSY_TIMEOUT_MS = 5000;
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const PAGE_CACHE_KIB = 64 * 1024;

/** Opens (creating if needed), configures and migrates the store; throws if the file is from a newer build. */
export function openDatabase(opts: OpenDatabaseOptions): AppDatabase {
  const readonly = opts.readonly ?? false;
  const sqlite = new BetterSqlite3(opts.file, {
    readonly,
    fileMustExist: readonly,
    timeout: BUSY_TIMEOUT_MS,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    // WAL needs a writable file; an in-memory database keeps its own journal mode.
    if (!readonly && opts.file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commits.
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoint every ~40 MB of WAL instead of SQLite's 4 MB: each checkpoint ends in an fsync, and under intake
    // load the default made one every second or so, a fifth of the writer's time (measured with bench/intake).
    if (!readonly) sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // Each change of a group commit runs in its own savepoint, whose journal of overwritten pages spills to a
    // temporary file past 64 KiB; kept in memory, intake's inserts cost half as much (measured with bench/intake).
    if (!readonly) sqlite.pragma('temp_store = MEMORY');
    // SQLite's default page cache is 2 MB; the hot pages of a busy centre's tables and indexes outgrow it within seconds.
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    if (opts.checkIntegrity) assertSound(sqlite, opts.file);
    if (readonly) assertMigrated(sqlite);
    else migrate(sqlite);
  } catch (error) {
    sqlite.close();
    // "file is not a database" and friends surface at the first statement: say what it means and what to do.
    if (isDamage(error)) throw new StoreDamagedError(opts.file, (error as Error).message);
    throw error;
  }
  // Kysely shares the connection; closing it here is enough, Kysely holds nothing else (see SqliteDialectConfig).
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    sqlite,
    db,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

const STATEMENT_CACHE_LIMIT = 2000;

/**
 * Kysely prepares every query afresh; preparing costs as much as running a small query. The SQL text of a query
 * builder is stable (values are parameters), so statements are cached by text. Safe because Kysely runs one query at
 * a time on this connection.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
