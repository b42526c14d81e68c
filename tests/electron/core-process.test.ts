import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { DATABASE_FILE } from '../../src/core/centre';
import { DataDirInUseError } from '../../src/core/db/data-dir-lock';
import { connectCoreProcess, type CoreChild, type CoreProcessHost, type CoreProcessSettings } from '../../src/main/core-process/core-process-host';
import type { CoreProcessOptions } from '../../src/main/core-process/protocol';
import { CoreUnavailableError } from '../../src/main/core-process/wire-errors';
import { AppError } from '../../src/shared/errors';
import type { Principal } from '../../src/shared/roles';

/**
 * The real core entry in a real child process: Node's child_process.fork under tsx stands in for Electron's
 * utilityProcess (the entry speaks to either), so everything but Electron's own fork is exercised here.
 */
const ENTRY = join(import.meta.dirname, '../../src/main/core-process/core-entry.ts');
const STARTUP_MS = 60_000;

interface Forked {
  process: ChildProcess;
  child: CoreChild;
  /** What the child wrote on stdout and stderr (its JSON log lines). */
  output(): string;
}

function forkCore(): Forked {
  // 'advanced' serialization is the structured clone Electron's parentPort uses.
  const proc = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // On a busy two-core machine the core's work competes with this process for CPU time; niced, it yields first, so
  // the stall tests measure whether main is blocked, not how crowded the machine is.
  setPriority(proc.pid!, 10);
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const child: CoreChild = {
    send: (message) => proc.send(message),
    onMessage: (listener) => proc.on('message', listener),
    onExit: (listener) => proc.once('exit', (code) => listener(code)),
    kill: () => proc.kill(),
  };
  return { process: proc, child, output: () => output };
}

const root = mkdtempSync(join(tmpdir(), 'dcr-core-process-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const optionsFor = (dataDir: string, overrides: Partial<CoreProcessOptions> = {}): CoreProcessOptions => ({
  dataDir: join(root, dataDir),
  demo: false,
  seed: 1,
  version: '1.2.3',
  ...overrides,
});

async function start(options: CoreProcessOptions, settings: CoreProcessSettings = {}): Promise<{ host: CoreProcessHost; forked: Forked }> {
  const forked = forkCore();
  const host = await connectCoreProcess(forked.child, options, { logger: silentLogger, ...settings });
  return { host, forked };
}

/** Longest pause between ticks of a 10 ms interval in this process while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}

describe('the core in a child process, with the demo centre', () => {
  let host: CoreProcessHost;
  let forked: Forked;
  let manager: Principal;
  let startupStall: number;

  beforeAll(async () => {
    // Opening the store, the integrity check and seeding the demo are all synchronous SQLite work, in the child.
    startupStall = await longestStall(async () => ({ host, forked } = await start(optionsFor('demo', { demo: true, adminToken: 'admin-bootstrap-token-0123456789' }))));
    const { token } = (await host.call('auth.login', { username: 'manager', password: 'demo-manager' }, null)) as { token: string };
    manager = (await host.resolveToken(token))!;
  }, STARTUP_MS);

  it('signs in, resolves the session token and answers reads through the host', async () => {
    expect(manager).toMatchObject({ kind: 'user', role: 'manager', name: 'Demo Manager' });
    expect(await host.resolveToken('not-a-token-anybody-issued')).toBeNull();
    expect(await host.call('system.info', {}, manager)).toMatchObject({ version: '1.2.3', demo: true, counts: { technicians: expect.any(Number) } });
    expect(await host.call('workOrders.list', {}, manager)).toMatchObject({ items: expect.any(Array) });
    const technicians = (await host.call('technicians.list', {}, manager)) as { id: string }[];
    expect(technicians.length).toBeGreaterThan(10);
    expect(technicians.map((t) => t.id)).toContain('tech_0001');
    expect(host.serverUrl).toBeNull();
  });

  it('bootstraps DISPATCH_ADMIN_TOKEN and pushes the bus event of a mutating call', async () => {
    const admin = await host.resolveToken('admin-bootstrap-token-0123456789');
    expect(admin).toMatchObject({ kind: 'apiKey', role: 'admin' });
    const seen: [string, unknown][] = [];
    const unsubscribe = host.bus.subscribe((name, payload) => seen.push([name, payload]));
    await host.call('users.create', { username: 'dana', displayName: 'Dana', role: 'dispatcher', password: 'correct horse' }, admin);
    await vi.waitFor(() => expect(seen).toContainEqual(['reference.changed', expect.objectContaining({ entity: expect.any(String) })]));
    unsubscribe();
  });

  it('answers a bad input with the typed AppError and keeps serving', async () => {
    const refused = await host.call('workOrders.list', { limit: 'many' }, manager).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'validation', errors: [expect.objectContaining({ path: 'limit' })] });
    await expect(host.call('users.create', { username: 'x', displayName: 'X', role: 'admin', password: 'long enough pw' }, manager)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(host.call('system.info', {}, manager)).resolves.toMatchObject({ demo: true });
  });

  it('answers a malformed message instead of crashing or leaving the caller waiting', async () => {
    const answer = new Promise((resolve) => forked.process.on('message', (m: { id?: number }) => m.id === 424242 && resolve(m)));
    forked.process.send({ type: 'call', id: 424242, method: 'no.such.method', input: {}, principal: null });
    expect(await answer).toMatchObject({ type: 'response', ok: false, error: { code: 'bad_request', errors: [expect.objectContaining({ path: 'method' })] } });
    await expect(host.call('system.info', {}, manager)).resolves.toMatchObject({ demo: true });
  });

  // In main's own process the demo start-up alone stalls the thread for about half a second (SQLite is synchronous).
  it('never holds this process: it keeps ticking through start-up and a compliance report', async () => {
    const report = { from: '2025-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', timeZone: 'Europe/Amsterdam' };
    let took = 0;
    const stall = await longestStall(async () => {
      const began = performance.now();
      await host.call('reports.compliance', report, manager);
      took = performance.now() - began;
    });
    expect(took).toBeGreaterThan(200);
    expect(stall).toBeLessThan(100);
    expect(startupStall).toBeLessThan(100);
  }, 30_000);

  it('refuses a second core on the same data folder with the DataDirInUseError main shows', async () => {
    const second = forkCore();
    const opening = connectCoreProcess(second.child, optionsFor('demo'), { logger: silentLogger });
    const error = await opening.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as DataDirInUseError).message).toContain('is in use by another Dispatch Control Room');
    expect((error as DataDirInUseError).dataDir).toBe(join(root, 'demo'));
    // The refused process is gone by the time main hears, so it holds nothing.
    expect(second.process.exitCode).toBe(0);
  }, STARTUP_MS);

  it('closes gracefully: the process exits 0 with the WAL checkpointed, and later calls are refused', async () => {
    await host.close();
    expect(forked.process.exitCode).toBe(0);
    expect(existsSync(join(root, 'demo', DATABASE_FILE))).toBe(true);
    expect(existsSync(join(root, 'demo', `${DATABASE_FILE}-wal`))).toBe(false);
    await expect(host.call('system.info', {}, manager)).rejects.toThrow(CoreUnavailableError);
    await expect(host.call('system.info', {}, manager)).rejects.toThrow('The dispatch core is closed.');
    await host.close();
  }, STARTUP_MS);
});

describe('the core process dying', () => {
  it('rejects the calls in flight and every later one with a clear unavailable error, and says so', async () => {
    const onUnexpectedExit = vi.fn();
    const { host, forked } = await start(optionsFor('killed', { adminToken: 'admin-bootstrap-token-0123456789' }), { onUnexpectedExit });
    const admin = await host.resolveToken('admin-bootstrap-token-0123456789');
    const inFlight = host.call('reports.compliance', { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', timeZone: 'UTC' }, admin);
    forked.process.kill('SIGKILL');
    const error = await inFlight.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreUnavailableError);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('The dispatch core stopped unexpectedly') });
    await expect(host.call('system.info', {}, admin)).rejects.toThrow('stopped unexpectedly');
    expect(onUnexpectedExit).toHaveBeenCalledTimes(1);
    await host.close();
  }, STARTUP_MS);
});

describe('the core process serving other workstations', () => {
  it('runs the HTTP server in the same process and reports its address', async () => {
    const { host } = await start(optionsFor('serving', { serve: { host: '127.0.0.1', port: 0 } }));
    try {
      expect(host.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${host.serverUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', version: '1.2.3' });
    } finally {
      await host.close();
    }
    await expect(fetch(`${host.serverUrl}/api/health`)).rejects.toThrow();
  }, STARTUP_MS);
});
