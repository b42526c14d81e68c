import { EventEmitter } from 'node:events';
import { get } from 'node:https';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { DATABASE_FILE } from '../../src/core/centre';
import { parseAppOptions } from '../../src/main/app-options';
import { runHeadlessMode, type HeadlessModeDeps } from '../../src/main/headless-mode';
import type { HeadlessServer } from '../../src/server/headless';
import { makeTestCertificate } from '../helpers/tls-certificate';
import * as electronFakes from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const root = mkdtempSync(join(tmpdir(), 'dcr-headless-mode-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let running: HeadlessServer[] = [];
afterEach(async () => {
  await Promise.all(running.map((server) => server.close().catch(() => {})));
  running = [];
  electronFakes.resetFakes();
});

/** Electron's app as headless mode uses it: the shared fake, plus what only a headless start needs. */
function headlessDeps() {
  const app = Object.assign(electronFakes.app, { disableHardwareAcceleration: vi.fn(), isReady: vi.fn(() => false), dock: { hide: vi.fn() } });
  const signals = new EventEmitter();
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const deps: HeadlessModeDeps = {
    app,
    signals,
    stdout: { write: (text: string) => out.stdout.push(text) > 0 },
    stderr: { write: (text: string) => out.stderr.push(text) > 0 },
    env: { DISPATCH_ADMIN_TOKEN: 'admin-bootstrap-token-0123456789' },
    logger: silentLogger,
  };
  return { app, signals, out, deps };
}

async function run(argv: string[], deps: HeadlessModeDeps): Promise<HeadlessServer | null> {
  const server = await runHeadlessMode(parseAppOptions(['--headless', '--port', '0', ...argv]), deps);
  if (server) running.push(server);
  return server;
}

describe('runHeadlessMode', () => {
  it('serves the centre without a window or the GPU, prints the URL, and closes on SIGTERM', async () => {
    const { app, signals, out, deps } = headlessDeps();
    const dataDir = join(root, 'plain');
    const server = await run(['--data-dir', dataDir], deps);
    expect(app.disableHardwareAcceleration).toHaveBeenCalledTimes(1);
    expect(app.dock.hide).toHaveBeenCalledTimes(1);
    expect(electronFakes.BrowserWindow.created).toEqual([]);
    expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out.stdout).toEqual([`Dispatch Control Room listening on ${server!.url}  (data: ${dataDir})\n`]);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);

    const health = await fetch(`${server!.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', version: '9.8.7' });
    const me = await fetch(`${server!.url}/api/v1/auth/me`, { headers: { authorization: 'Bearer admin-bootstrap-token-0123456789' } });
    expect(me.status).toBe(200);

    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    await expect(fetch(`${server!.url}/api/health`)).rejects.toThrow();
    signals.emit('SIGINT');
    expect(app.exit).toHaveBeenCalledTimes(1);
  });

  it('holds a quit Electron starts on its own until the store is closed', async () => {
    const { app, deps } = headlessDeps();
    const server = await run(['--data-dir', join(root, 'quit')], deps);
    const quit = { preventDefault: vi.fn() };
    app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    await expect(fetch(`${server!.url}/api/health`)).rejects.toThrow();
  });

  it('keeps the centre in the per-user data folder unless told otherwise', async () => {
    const { app, deps } = headlessDeps();
    app.getPath.mockReturnValueOnce(join(root, 'user-data'));
    await run([], deps);
    expect(app.getPath).toHaveBeenCalledWith('userData');
    expect(existsSync(join(root, 'user-data', DATABASE_FILE))).toBe(true);
  });

  it('still serves when started after the app is ready, saying the GPU stays on', async () => {
    const { app, deps } = headlessDeps();
    app.isReady.mockReturnValueOnce(true);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    expect(await run(['--data-dir', join(root, 'late')], { ...deps, logger })).not.toBeNull();
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('hardware acceleration stays on'));
  });

  it('serves HTTPS with --tls-cert and --tls-key', async () => {
    const { certFile, keyFile, cert, dir } = makeTestCertificate();
    try {
      const { deps } = headlessDeps();
      const server = await run(['--data-dir', join(root, 'tls'), '--tls-cert', certFile, '--tls-key', keyFile], deps);
      expect(server!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number | undefined>((resolve, reject) =>
        get(`${server!.url}/api/health`, { ca: cert }, (response) => resolve(response.resume().statusCode)).on('error', reject),
      );
      expect(status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says plainly that the data folder is in use and exits 1', async () => {
    const first = headlessDeps();
    await run(['--data-dir', join(root, 'shared')], first.deps);
    const second = headlessDeps();
    expect(await run(['--data-dir', join(root, 'shared')], second.deps)).toBeNull();
    expect(second.app.exit).toHaveBeenCalledWith(1);
    expect(second.out.stderr.join('')).toContain('is in use by another Dispatch Control Room');
    expect(second.out.stdout).toEqual([]);
  });

  it('refuses unusable TLS files with one sentence and exits 2, opening nothing', async () => {
    const { app, out, deps } = headlessDeps();
    const missing = join(root, 'missing.pem');
    expect(await run(['--data-dir', join(root, 'bad-tls'), '--tls-cert', missing, '--tls-key', missing], deps)).toBeNull();
    expect(app.exit).toHaveBeenCalledWith(2);
    expect(out.stderr.join('')).toContain(missing);
    expect(existsSync(join(root, 'bad-tls'))).toBe(false);
  });
});
