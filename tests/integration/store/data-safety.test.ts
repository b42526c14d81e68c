import BetterSqlite3 from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../src/core';
import { openCentre, type Centre } from '../../../src/core/centre';
import { DataDirInUseError } from '../../../src/core/db/data-dir-lock';
import { StoreDamagedError } from '../../../src/core/db/integrity';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

const run = promisify(execFile);
const dirs: string[] = [];
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dcr-safety-'));
  dirs.push(d);
  return d;
};
const centreAt = async (dataDir: string): Promise<Centre> => {
  const centre = await openCentre({ dataDir, demo: false, seed: 1, version: 'test', clock: systemClock, logger: silentLogger, scheduler: false });
  open.push(centre);
  return centre;
};
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/backup-cli.ts', ...args]).catch((e: { code: number; stderr: string }) => e);

describe('one instance per data folder', () => {
  it('refuses a second centre on a folder in use with a clear message, and allows it once the first has closed', async () => {
    const dir = tempDir();
    const first = await centreAt(dir);
    await expect(centreAt(dir)).rejects.toThrow(DataDirInUseError);
    await expect(centreAt(dir)).rejects.toThrow(new RegExp(`data folder ${dir} is in use by another Dispatch Control Room \\(process ${process.pid}`));
    first.close();
    open.splice(open.indexOf(first), 1);
    await expect(centreAt(dir)).resolves.toBeDefined();
  });
});

describe('a damaged database', () => {
  it('is refused at start-up with what to do, for a file that is not a database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dispatch.db'), 'this is a spreadsheet export, not a database'.repeat(200));
    const attempt = centreAt(dir);
    await expect(attempt).rejects.toThrow(StoreDamagedError);
    await expect(attempt).rejects.toThrow(/is damaged .*Restore the latest backup \(npm run restore/);
  });

  it('is refused at start-up when pages inside it are corrupt, and the lock is released again', async () => {
    const dir = tempDir();
    const centre = await centreAt(dir);
    centre.close();
    open.splice(open.indexOf(centre), 1);
    const file = join(dir, 'dispatch.db');
    // Overwrite the middle of the file (b-tree pages of the schema's tables) with garbage.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, 4096 * 3);
    closeSync(fd);
    await expect(centreAt(dir)).rejects.toThrow(StoreDamagedError);
    // Not locked by the failed attempt: a restore can run right away.
    expect(existsSync(join(dir, 'dispatch.lock'))).toBe(true);
    const probe = new BetterSqlite3(join(dir, 'dispatch.lock'), { timeout: 0 });
    expect(() => probe.exec('BEGIN EXCLUSIVE; COMMIT;')).not.toThrow();
    probe.close();
  });
});

describe('backup and restore', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close().catch(() => {});
    rmSync(server?.dataDir ?? '', { recursive: true, force: true });
  });

  it('backs up online through the API, and restores with the CLI only while the centre is stopped', async () => {
    server = await startTestServer({ demo: true, scheduler: false });
    const before = (await api(server.url, '/api/v1/system/info')).body.counts;
    const backup = await api(server.url, '/api/v1/system/backup', { method: 'POST', body: {} });
    expect(backup.status).toBe(200);
    expect(backup.body.file).toMatch(/backups\/dispatch-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    const copy = new BetterSqlite3(backup.body.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('select count(*) as n from technicians').get() as { n: number }).n).toBe(before.technicians);
    copy.close();
    // Only an admin may take one.
    const dispatcher = await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'demo-dispatcher' } });
    expect((await api(server.url, '/api/v1/system/backup', { method: 'POST', body: {}, token: dispatcher.body.token })).status).toBe(403);

    // While the centre runs, a restore is refused and changes nothing.
    const refused = (await cli('restore', '--data-dir', server.dataDir, '--from', backup.body.file)) as { code: number; stderr: string };
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is in use by another Dispatch Control Room/);

    // A technician added after the backup disappears with the restore; the replaced file is kept.
    const sqlite = server.database.sqlite;
    sqlite.prepare("update technicians set name = 'Changed after backup' where id = (select min(id) from technicians)").run();
    await server.close();
    const restored = (await cli('restore', '--data-dir', server.dataDir, '--from', backup.body.file)) as { stdout: string };
    expect(restored.stdout).toMatch(/Restored .*dispatch\.db .*The previous file is kept as .*before-restore-dispatch-/);
    expect(readdirSync(server.dataDir).some((f) => f.startsWith('before-restore-'))).toBe(true);
    const after = new BetterSqlite3(join(server.dataDir, 'dispatch.db'), { readonly: true });
    expect((after.prepare("select count(*) as n from technicians where name = 'Changed after backup'").get() as { n: number }).n).toBe(0);
    after.close();
  });
});
