import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataDirInUseError } from '../../src/core/db/data-dir-lock';
import { StoreDamagedError } from '../../src/core/db/integrity';
import type { CoreProcessSettings } from '../../src/main/core-process/core-process-host';
import { openCoreProcessHost } from '../../src/main/core-process/electron-core-process';
import type { CoreProcessOptions } from '../../src/main/core-process/protocol';
import { CoreUnavailableError } from '../../src/main/core-process/wire-errors';
import { AppError } from '../../src/shared/errors';

/** Electron's UtilityProcess as main sees it: messages in and out, an exit, piped output. */
class FakeUtilityProcess extends EventEmitter {
  readonly posted: any[] = [];
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  /** Whether it exits when asked to close (a hung core does not). */
  closesWhenAsked = true;
  readonly kill = vi.fn(() => {
    queueMicrotask(() => this.emit('exit', 15));
    return true;
  });
  postMessage(message: any): void {
    // Electron clones what crosses, and throws on what cannot be cloned.
    this.posted.push(structuredClone(message));
    if (message.type === 'close' && this.closesWhenAsked) queueMicrotask(() => this.emit('exit', 0));
  }
  /** The child posting to main. */
  say(message: unknown): void {
    this.emit('message', message);
  }
}

// The shared fakes have no utilityProcess; it is added here, for this file only.
const fork = vi.hoisted(() => vi.fn());
vi.mock('electron', async () => ({ ...(await import('./electron-fakes')), utilityProcess: { fork } }));

const ENTRY = pathToFileURL('/opt/dcr/resources/app/out/main/core-entry.js');
const OPTIONS: CoreProcessOptions = {
  dataDir: '/srv/dcr',
  demo: true,
  seed: 7,
  adminToken: 'admin-bootstrap-token-0123456789',
  nativeBinding: '/opt/dcr/resources/app/build/native/electron/better_sqlite3.node',
  version: '9.8.7',
  reportWorker: 'file:///opt/dcr/resources/app/out/main/report-worker.js',
};
const ADA = { kind: 'user', id: 'usr_a', name: 'Ada', role: 'admin', scopes: [], technicianId: null, credentialId: 'ses_1' } as const;

let child: FakeUtilityProcess;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
beforeEach(() => {
  vi.clearAllMocks();
  child = new FakeUtilityProcess();
  fork.mockReset().mockReturnValue(child);
});
// A real child's output ends with the process, which un-pipes it from main's streams; the fake's never ends.
afterEach(() => {
  child.stdout.unpipe();
  child.stderr.unpipe();
});

const open = (settings: CoreProcessSettings = {}) => openCoreProcessHost(ENTRY, OPTIONS, { logger, ...settings });

/** Opens a host and lets the fake child say it is ready. */
async function ready(settings: CoreProcessSettings = {}) {
  const opening = open(settings);
  await vi.waitFor(() => expect(child.posted).toHaveLength(1));
  child.say({ type: 'ready', serverUrl: null });
  return opening;
}

describe('openCoreProcessHost', () => {
  it('forks the built entry as a named utility process with piped output, then sends the options first', async () => {
    const host = await ready();
    expect(fork).toHaveBeenCalledExactlyOnceWith('/opt/dcr/resources/app/out/main/core-entry.js', [], { serviceName: 'Dispatch core', stdio: 'pipe' });
    expect(child.posted[0]).toEqual({ type: 'start', options: OPTIONS });
    expect(host.serverUrl).toBeNull();
  });

  it('refuses options that cannot cross to the child, before forking anything', async () => {
    await expect(openCoreProcessHost(ENTRY, { ...OPTIONS, reportWorker: 'not a url' }, { logger })).rejects.toThrow();
    await expect(openCoreProcessHost(ENTRY, { ...OPTIONS, clock: {} } as CoreProcessOptions, { logger })).rejects.toThrow();
    expect(fork).not.toHaveBeenCalled();
  });

  it('copies the core’s log lines to main’s own output', async () => {
    await ready();
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    try {
      child.stderr.write('{"level":"info","message":"demo centre seeded"}\n');
      await vi.waitFor(() => expect(stderr).toHaveBeenCalledWith(Buffer.from('{"level":"info","message":"demo centre seeded"}\n')));
    } finally {
      stderr.mockRestore();
    }
  });

  it('reports the HTTP address when the core also serves', async () => {
    const opening = open();
    child.say({ type: 'ready', serverUrl: 'https://10.0.0.5:5170' });
    expect((await opening).serverUrl).toBe('https://10.0.0.5:5170');
  });
});

describe('calls, tokens and events', () => {
  it('correlates answers with their calls by id, whatever order they come back in', async () => {
    const host = await ready();
    const first = host.call('system.info', {}, ADA);
    const second = host.call('workOrders.list', { limit: 5 }, ADA);
    const [, a, b] = child.posted;
    expect(a).toEqual({ type: 'call', id: a.id, method: 'system.info', input: {}, principal: ADA });
    expect(b).toMatchObject({ type: 'call', method: 'workOrders.list', input: { limit: 5 } });
    child.say({ type: 'response', id: b.id, ok: true, value: { items: [] } });
    child.say({ type: 'response', id: a.id, ok: true, value: { version: '9.8.7' } });
    expect(await first).toEqual({ version: '9.8.7' });
    expect(await second).toEqual({ items: [] });
  });

  it('turns a problem back into the AppError core threw, fields and all', async () => {
    const host = await ready();
    const calling = host.call('workOrders.update' as never, {}, ADA);
    const problem = new AppError('conflict', 'Changed by Bo meanwhile.', [{ path: 'version', message: 'stale' }], { version: 4 }).toProblem();
    child.say({ type: 'response', id: child.posted[1].id, ok: false, error: problem });
    const error = await calling.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', message: 'Changed by Bo meanwhile.', errors: [{ path: 'version', message: 'stale' }], current: { version: 4 } });
  });

  it('resolves tokens to the principal the child found, or null', async () => {
    const host = await ready();
    const known = host.resolveToken('tok-ada');
    const unknown = host.resolveToken('tok-nobody');
    expect(child.posted[1]).toEqual({ type: 'resolveToken', id: child.posted[1].id, token: 'tok-ada' });
    child.say({ type: 'response', id: child.posted[1].id, ok: true, value: ADA });
    child.say({ type: 'response', id: child.posted[2].id, ok: true, value: null });
    expect(await known).toEqual(ADA);
    expect(await unknown).toBeNull();
  });

  it('rejects at once a call whose input cannot cross to the child', async () => {
    const host = await ready();
    await expect(host.call('system.info', { callback: () => 1 }, ADA)).rejects.toThrow(/could not be cloned/);
    const next = host.call('system.info', {}, ADA);
    child.say({ type: 'response', id: child.posted.at(-1).id, ok: true, value: { version: '9.8.7' } });
    await expect(next).resolves.toEqual({ version: '9.8.7' });
  });

  it('re-publishes the child’s events to local subscribers', async () => {
    const host = await ready();
    const seen: unknown[] = [];
    host.bus.subscribe((name, payload) => seen.push([name, payload]));
    child.say({ type: 'event', event: 'reference.changed', payload: { entity: 'region', id: null } });
    expect(seen).toEqual([['reference.changed', { entity: 'region', id: null }]]);
  });

  it('ignores malformed messages, but does not leave a caller waiting on an unreadable answer', async () => {
    const host = await ready();
    const seen: unknown[] = [];
    host.bus.subscribe((name) => seen.push(name));
    child.say({ type: 'event', event: 'not.an.event', payload: {} });
    child.say('hello');
    expect(seen).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith('the dispatch core sent a malformed message', expect.anything());
    const calling = host.call('system.info', {}, ADA);
    child.say({ type: 'response', id: child.posted[1].id, ok: 'yes' });
    await expect(calling).rejects.toThrow('could not read');
  });
});

describe('start-up failures', () => {
  it('rejects with the child’s DataDirInUseError, revived, once the child has exited', async () => {
    const opening = open();
    const wire = { name: 'DataDirInUseError', message: 'The data folder /srv/dcr is in use by another Dispatch Control Room.', dataDir: '/srv/dcr', stack: 'at lockDataDir' };
    child.say({ type: 'fatal', error: wire });
    const error = await opening.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect(error).toMatchObject({ name: 'DataDirInUseError', message: wire.message, dataDir: '/srv/dcr', stack: 'at lockDataDir' });
    expect(child.posted.at(-1)).toEqual({ type: 'close' });
  });

  it('rejects with a StoreDamagedError the same way', async () => {
    const opening = open();
    child.say({ type: 'fatal', error: { name: 'StoreDamagedError', message: 'The database is damaged.', file: '/srv/dcr/dispatch.db' } });
    await expect(opening).rejects.toBeInstanceOf(StoreDamagedError);
  });

  it('gives up after the ready timeout and kills a child that will not close', async () => {
    child.closesWhenAsked = false;
    await expect(open({ readyTimeoutMs: 30, closeTimeoutMs: 30 })).rejects.toThrow('did not start within 0.03 s');
    expect(child.kill).toHaveBeenCalledTimes(1);
  });

  it('does not take a late ready for a start it already gave up on', async () => {
    const onUnexpectedExit = vi.fn();
    child.closesWhenAsked = false;
    const opening = open({ readyTimeoutMs: 30, closeTimeoutMs: 1_000, onUnexpectedExit });
    await vi.waitFor(() => expect(child.posted.at(-1)).toEqual({ type: 'close' }));
    child.say({ type: 'ready', serverUrl: null });
    child.emit('exit', 0);
    await expect(opening).rejects.toThrow('did not start within');
    expect(onUnexpectedExit).not.toHaveBeenCalled();
  });

  it('rejects when the child exits before it is ready', async () => {
    const opening = open();
    child.emit('exit', 1);
    await expect(opening).rejects.toThrow('stopped (exit code 1) before it was ready');
  });
});

describe('the child exiting', () => {
  it('rejects pending and later calls with CoreUnavailableError when it dies, and says so once', async () => {
    const onUnexpectedExit = vi.fn();
    const host = await ready({ onUnexpectedExit });
    const pending = host.call('system.info', {}, ADA);
    child.emit('exit', 9);
    await expect(pending).rejects.toBeInstanceOf(CoreUnavailableError);
    await expect(pending).rejects.toThrow('stopped unexpectedly (exit code 9)');
    await expect(host.resolveToken('tok-ada')).rejects.toThrow('stopped unexpectedly');
    expect(onUnexpectedExit).toHaveBeenCalledExactlyOnceWith(9);
    await host.close();
    expect(child.posted.filter((m) => m.type === 'close')).toEqual([]);
  });

  it('closes by asking the child and waiting for its exit; later calls are refused', async () => {
    const host = await ready();
    await host.close();
    expect(child.posted.at(-1)).toEqual({ type: 'close' });
    expect(child.kill).not.toHaveBeenCalled();
    await expect(host.call('system.info', {}, ADA)).rejects.toThrow('The dispatch core is closed.');
  });

  it('kills a child that does not exit within the close timeout', async () => {
    const host = await ready({ closeTimeoutMs: 30 });
    child.closesWhenAsked = false;
    const pending = host.call('system.info', {}, ADA);
    await host.close();
    expect(child.kill).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith('the dispatch core did not close in time; stopping it', { timeoutMs: 30 });
    await expect(pending).rejects.toThrow('The dispatch core is closed.');
  });
});
