import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, silentLogger } from '../../src/core';
import { DATABASE_FILE } from '../../src/core/centre';
import { ELECTRON_NATIVE_BINDING, electronNativeBinding, openCoreHost, type CoreHost } from '../../src/main/core-host';
import { parseAppOptions } from '../../src/main/app-options';

const ADMIN_TOKEN = 'admin-bootstrap-token-0123456789';
let dir: string;
let host: CoreHost | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcr-host-'));
  host = null;
});
afterEach(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (overrides: { demo?: boolean; adminToken?: string } = {}) =>
  openCoreHost({
    dataDir: join(dir, 'data'),
    demo: false,
    seed: 1,
    version: '1.2.3',
    clock: new ManualClock(Date.UTC(2026, 0, 5, 9)),
    logger: silentLogger,
    ...overrides,
  });

describe('openCoreHost', () => {
  it('creates the data folder and the store file the headless server also uses', async () => {
    host = await open();
    expect(existsSync(join(dir, 'data', DATABASE_FILE))).toBe(true);
    expect(DATABASE_FILE).toBe('dispatch.db');
  });

  it('bootstraps DISPATCH_ADMIN_TOKEN and serves calls for that principal', async () => {
    host = await open({ adminToken: ADMIN_TOKEN });
    const admin = await host.resolveToken(ADMIN_TOKEN);
    expect(admin).toMatchObject({ kind: 'apiKey', role: 'admin' });
    expect(await host.call('system.info', {}, admin)).toMatchObject({ version: '1.2.3', demo: false, counts: { technicians: 0 } });
    expect(await host.resolveToken('not-the-admin-token-at-all')).toBeNull();
  });

  it('seeds the demo centre with --demo', async () => {
    host = await open({ demo: true, adminToken: ADMIN_TOKEN });
    const info = (await host.call('system.info', {}, await host.resolveToken(ADMIN_TOKEN))) as { demo: boolean; counts: { technicians: number } };
    expect(info.demo).toBe(true);
    expect(info.counts.technicians).toBeGreaterThan(0);
  });

  it('publishes core events on its bus', async () => {
    host = await open({ adminToken: ADMIN_TOKEN });
    const seen: string[] = [];
    host.bus.subscribe((name) => seen.push(name));
    await host.call('users.create', { username: 'dana', displayName: 'Dana', role: 'dispatcher', password: 'correct horse' }, await host.resolveToken(ADMIN_TOKEN));
    expect(seen).toContain('reference.changed');
  });

  it('closes the store', async () => {
    host = await open();
    await host.close();
    await expect(host.call('auth.login', { username: 'x', password: 'y' }, null)).rejects.toThrow(/not open/i);
    host = null;
  });
});

describe('openCoreHost without an Electron build of better-sqlite3', () => {
  afterEach(() => {
    vi.doUnmock('../../src/core/db/open-database');
    vi.resetModules();
  });

  it('says how to build one instead of passing on the ABI error', async () => {
    vi.resetModules();
    vi.doMock('../../src/core/db/open-database', () => ({
      openDatabase: () => {
        throw new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version requires NODE_MODULE_VERSION 140.');
      },
    }));
    const { openCoreHost: openWithoutBuild } = await import('../../src/main/core-host');
    const opening = openWithoutBuild({ dataDir: join(dir, 'data'), demo: false, seed: 1, version: '1', clock: new ManualClock(0), logger: silentLogger });
    await expect(opening).rejects.toThrow('Run "node scripts/rebuild-electron-native.mjs"');
  });
});

describe('electronNativeBinding', () => {
  it('is the Electron build under the app root when it exists, else undefined', () => {
    expect(electronNativeBinding(dir)).toBeUndefined();
    const file = join(dir, ELECTRON_NATIVE_BINDING);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    expect(electronNativeBinding(dir)).toBe(file);
    expect(file).toBe(join(dir, 'build', 'native', 'electron', 'better_sqlite3.node'));
  });
});

describe('parseAppOptions', () => {
  it('reads the app flags and ignores Electron’s and Chromium’s', () => {
    expect(parseAppOptions(['.', '--enable-logging', '--data-dir', '/srv/dcr', '--demo', '--seed', '42'])).toEqual({ dataDir: '/srv/dcr', demo: true, seed: 42 });
    expect(parseAppOptions([])).toEqual({ dataDir: undefined, demo: false, seed: 1 });
  });

  it.each([
    [['--seed'], '--seed'],
    [['--seed', 'many'], '--seed: expected an integer'],
    [['--data-dir'], '--data-dir'],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseAppOptions(argv)).toThrow(message);
  });
});
