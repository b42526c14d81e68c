import type BetterSqlite3 from 'better-sqlite3';

export class StoreDamagedError extends Error {
  constructor(readonly file: string, finding: string) {
    super(
      `The database ${file} is damaged (${finding}). Nothing was changed. ` +
        'Restore the latest backup (npm run restore -- --data-dir <folder> --from <backup file>) or move the file aside to start empty.',
    );
    this.name = 'StoreDamagedError';
  }
}

/** SQLite's own error codes that mean the file is not a sound database (not that it is busy or missing). */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

export function isDamage(error: unknown): boolean {
  return DAMAGE_CODES.has((error as { code?: string })?.code ?? '');
}

/**
 * `PRAGMA quick_check` at start-up: every page and record well-formed (it skips only the index-to-table
 * cross-check of integrity_check, which costs as much again). Throws a StoreDamagedError that says what to do.
 */
export function assertSound(sqlite: BetterSqlite3.Database, file: string): void {
  let findings: string[];
  try {
    findings = (sqlite.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (error) {
    if (isDamage(error)) throw new StoreDamagedError(file, (error as Error).message);
    throw error;
  }
  if (findings.length !== 1 || findings[0] !== 'ok') throw new StoreDamagedError(file, findings.join('; '));
}
