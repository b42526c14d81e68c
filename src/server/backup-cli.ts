import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DATABASE_FILE } from '../core/centre';
import { backupDatabase, backupFileName, restoreDatabase } from '../core/db/backup';
import { lockDataDir } from '../core/db/data-dir-lock';
import { defaultDataDir } from './cli-options';

const USAGE = `Usage:
  npm run backup  -- [--data-dir DIR] [--out FILE]   online backup (the centre may keep running)
  npm run restore -- [--data-dir DIR] --from FILE    replace the database with a backup (the centre must be stopped;
                                                      the current file is kept beside it as before-restore-….db)`;

const Options = z.object({
  command: z.enum(['backup', 'restore']),
  dataDir: z.string().min(1).default(defaultDataDir()),
  out: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, from: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const parsed = Options.safeParse({ command: positionals[0], dataDir: values['data-dir'], out: values.out, from: values.from });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('\n'));
  const { command, dataDir, out, from } = parsed.data;
  const databaseFile = join(dataDir, DATABASE_FILE);
  const now = Date.now();

  if (command === 'backup') {
    if (!existsSync(databaseFile)) throw new UsageError(`There is no database in ${dataDir}.`);
    const sqlite = new BetterSqlite3(databaseFile, { fileMustExist: true });
    try {
      const result = await backupDatabase(sqlite, resolve(out ?? join(dataDir, 'backups', backupFileName(now))), now);
      process.stdout.write(`Backup written and checked: ${result.file} (${result.bytes} bytes)\n`);
    } finally {
      sqlite.close();
    }
    return;
  }
  if (!from) throw new UsageError('restore needs --from FILE.');
  // Held while the file is swapped: a running centre (or a second restore) makes this fail with a clear message.
  const lock = lockDataDir(dataDir);
  try {
    const { keptAs } = restoreDatabase(databaseFile, resolve(from), now);
    process.stdout.write(`Restored ${databaseFile} from ${resolve(from)}.${keptAs ? ` The previous file is kept as ${keptAs}.` : ''}\n`);
  } finally {
    lock.release();
  }
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
