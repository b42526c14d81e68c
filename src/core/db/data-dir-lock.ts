import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'dispatch.lock';
const OWNER_FILE = 'dispatch.lock.json';

export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string, owner: string) {
    super(
      `The data folder ${dataDir} is in use by another Dispatch Control Room${owner}. ` +
        'Close that one first, or start this one with another data folder (--data-dir).',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * One running instance per data folder. The lock is an exclusive SQLite lock on a small file beside the store,
 * held for the life of the process: the operating system drops it when the process ends, however it ends, so a
 * crash never leaves a stale lock behind and a reused process id cannot fake one.
 */
export function lockDataDir(dataDir: string, nativeBinding?: string): DataDirLock {
  const lock = new BetterSqlite3(join(dataDir, LOCK_FILE), { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in EXCLUSIVE locking mode it is kept until the connection closes.
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; INSERT INTO holder VALUES (0);');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir, describeOwner(dataDir));
    throw error;
  }
  // Only for the message another instance shows; the lock itself is the SQLite one.
  writeFileSync(join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  return { release: () => lock.open && lock.close() };
}

function describeOwner(dataDir: string): string {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as { pid: number; host: string; since: string };
    return ` (process ${owner.pid} on ${owner.host}, since ${owner.since})`;
  } catch {
    return '';
  }
}
