import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assertSound } from './integrity';
import { assertMigrated } from './migrate';

export interface BackupResult {
  file: string;
  bytes: number;
  createdAt: number;
}

/**
 * An online backup with SQLite's backup API: consistent as of one instant while the centre keeps working (pages
 * are copied between other writes). The copy is checked before it is reported done.
 */
export async function backupDatabase(sqlite: BetterSqlite3.Database, file: string, now: number): Promise<BackupResult> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await sqlite.backup(partial);
  verifyBackupFile(partial);
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, createdAt: now };
}

/** A backup this build can restore: a sound database with no migration unknown to it. */
export function verifyBackupFile(file: string): void {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    assertSound(copy, file);
    assertMigrated(copy);
  } finally {
    copy.close();
  }
}

/** `dispatch-2026-11-25T17-30-05Z.db`: sorts by time and is a valid file name everywhere. */
export function backupFileName(now: number): string {
  return `dispatch-${new Date(now).toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.db`;
}

/**
 * Replaces the store with a backup (the centre must not be running: the caller holds the data folder's lock).
 * The current file is kept beside it, never deleted, so a restore can itself be undone.
 */
export function restoreDatabase(databaseFile: string, backupFile: string, now: number): { keptAs: string | null } {
  verifyBackupFile(backupFile);
  let keptAs: string | null = null;
  if (existsSync(databaseFile)) {
    keptAs = join(dirname(databaseFile), `before-restore-${backupFileName(now)}`);
    renameSync(databaseFile, keptAs);
  }
  // The old WAL belongs to the old file: replayed onto the restored one it would corrupt it.
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  copyFileSync(backupFile, databaseFile);
  return { keptAs };
}
