import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../src/core/events/event-bus';
import { DataDirInUseError } from '../../src/core/db/data-dir-lock';
import type { ParentChannel } from '../../src/main/core-process/child-channel';
import { connectToParent } from '../../src/main/core-process/child-channel';
import { runCoreChild } from '../../src/main/core-process/core-child';
import { openCore, type RunningCore } from '../../src/main/core-process/open-core';
import type { CoreProcessOptions } from '../../src/main/core-process/protocol';
import { fromWireError, toWireError } from '../../src/main/core-process/wire-errors';
import { AppError } from '../../src/shared/errors';
import { makeTestCertificate } from '../helpers/tls-certificate';

/** Both ways the child can open the core are replaced: these tests are about the protocol, not the store. */
const opened = vi.hoisted(() => ({ centre: [] as any[], headless: [] as any[], failure: null as Error | null }));
vi.mock('../../src/core/centre', () => ({
  openCentre: async (options: any) => {
    if (opened.failure) throw opened.failure;
    opened.centre.push(options);
    return { core: { bus: { subscribe: () => () => {} } }, close: vi.fn() };
  },
}));
vi.mock('../../src/server/headless', () => ({
  startHeadless: async (options: any) => {
    opened.headless.push(options);
    return { url: 'https://127.0.0.1:5170', core: {}, close: vi.fn(async () => {}) };
  },
}));

const OPTIONS: CoreProcessOptions = { dataDir: '/srv/dcr', demo: false, seed: 1, version: '1.0.0' };
const ADA = { kind: 'user', id: 'usr_a', name: 'Ada', role: 'admin', scopes: [] } as const;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** main's end, seen from the child: what the child sent, and a way to say things to it. */
function fakeParent() {
  const sent: any[] = [];
  const inbox = new EventEmitter();
  const channel: ParentChannel = {
    send: (message) => sent.push(message),
    onMessage: (listener) => inbox.on('message', listener),
    onDisconnect: (listener) => inbox.once('disconnect', listener),
  };
  return { channel, sent, say: (message: unknown) => inbox.emit('message', message), disconnect: () => inbox.emit('disconnect') };
}

function fakeCore(call: (method: string, input: unknown, principal: unknown) => Promise<unknown> = async () => ({ ok: true })) {
  const bus = new EventBus();
  const running: RunningCore = {
    core: { bus, call: vi.fn(call), auth: { resolveToken: vi.fn(async (token: string) => (token === 'tok-ada' ? ADA : null)) } } as any,
    serverUrl: null,
    close: vi.fn(async () => {}),
  };
  return { bus, running };
}

async function started(call?: Parameters<typeof fakeCore>[0]) {
  const parent = fakeParent();
  const { bus, running } = fakeCore(call);
  const exit = vi.fn();
  const open = vi.fn(async () => running);
  runCoreChild(parent.channel, { open, exit, logger });
  parent.say({ type: 'start', options: OPTIONS });
  await vi.waitFor(() => expect(parent.sent).toContainEqual({ type: 'ready', serverUrl: null }));
  return { ...parent, bus, running, exit, open };
}

beforeEach(() => {
  vi.clearAllMocks();
  Object.assign(opened, { centre: [], headless: [], failure: null });
});

describe('runCoreChild', () => {
  it('opens the core with the options main sent, says ready and pushes every bus event', async () => {
    const { open, bus, sent } = await started();
    expect(open).toHaveBeenCalledExactlyOnceWith(OPTIONS, logger);
    bus.publish('reference.changed', { entity: 'region', id: 'reg_1' });
    expect(sent.at(-1)).toEqual({ type: 'event', event: 'reference.changed', payload: { entity: 'region', id: 'reg_1' } });
  });

  it('answers calls and token look-ups by id', async () => {
    const { say, sent, running } = await started(async () => ({ version: '1.0.0' }));
    say({ type: 'call', id: 7, method: 'system.info', input: {}, principal: ADA });
    say({ type: 'resolveToken', id: 8, token: 'tok-ada' });
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(running.core.call).toHaveBeenCalledWith('system.info', {}, ADA);
    expect(sent).toContainEqual({ type: 'response', id: 7, ok: true, value: { version: '1.0.0' } });
    expect(sent).toContainEqual({ type: 'response', id: 8, ok: true, value: ADA });
  });

  it('sends an AppError as its problem, and anything else as a generic one after logging it', async () => {
    const { say, sent } = await started(async (method) => {
      if (method === 'system.info') throw new AppError('forbidden', 'Not for you.');
      throw new TypeError('cannot read properties of undefined');
    });
    say({ type: 'call', id: 1, method: 'system.info', input: {}, principal: null });
    say({ type: 'call', id: 2, method: 'workOrders.list', input: {}, principal: null });
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent).toContainEqual({ type: 'response', id: 1, ok: false, error: expect.objectContaining({ code: 'forbidden', detail: 'Not for you.' }) });
    const generic = sent.find((m) => m.id === 2);
    expect(generic.error).toMatchObject({ code: 'internal', detail: 'Something went wrong in the app. The error has been logged.' });
    expect(JSON.stringify(generic)).not.toContain('cannot read properties');
    expect(logger.error).toHaveBeenCalledWith('core call failed', { call: 'workOrders.list', error: expect.stringContaining('TypeError') });
  });

  it('refuses malformed messages, answering those that carry an id', async () => {
    const { say, sent } = await started();
    say({ type: 'call', id: 3, method: 'system.info', input: {}, principal: { kind: 'wizard' } });
    say({ type: 'shout' });
    say(null);
    expect(sent.slice(1)).toEqual([{ type: 'response', id: 3, ok: false, error: expect.objectContaining({ code: 'bad_request', errors: expect.arrayContaining([expect.objectContaining({ path: 'principal.kind' })]) }) }]);
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });

  it('ignores a second start', async () => {
    const { say, open } = await started();
    say({ type: 'start', options: OPTIONS });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('sends a start-up failure as fatal and waits for main to say close', async () => {
    const parent = fakeParent();
    const exit = vi.fn();
    runCoreChild(parent.channel, { open: async () => Promise.reject(new DataDirInUseError('/srv/dcr', ' (process 42)')), exit, logger });
    parent.say({ type: 'start', options: OPTIONS });
    await vi.waitFor(() => expect(parent.sent).toHaveLength(1));
    expect(parent.sent[0]).toEqual({ type: 'fatal', error: expect.objectContaining({ name: 'DataDirInUseError', dataDir: '/srv/dcr' }) });
    expect(exit).not.toHaveBeenCalled();
    parent.say({ type: 'close' });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  });

  it('on close stops the events, closes the core, then exits 0; calls meanwhile are refused', async () => {
    const { say, sent, bus, running, exit } = await started();
    say({ type: 'close' });
    say({ type: 'call', id: 9, method: 'system.info', input: {}, principal: null });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(running.close).toHaveBeenCalledTimes(1);
    expect(sent.at(-1)).toMatchObject({ id: 9, ok: false, error: { detail: 'The dispatch core is not open.' } });
    bus.publish('reference.changed', { entity: 'region', id: null });
    expect(sent.filter((m) => m.type === 'event')).toEqual([]);
  });

  it('closes when main goes away without a word, and exits 1 if closing fails', async () => {
    const { disconnect, running, exit } = await started();
    vi.mocked(running.close).mockRejectedValueOnce(new Error('disk gone'));
    disconnect();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(logger.error).toHaveBeenCalledWith('closing the core failed', expect.anything());
  });
});

describe('connectToParent', () => {
  it('uses Electron’s parentPort when there is one, unwrapping each message event', () => {
    const port = Object.assign(new EventEmitter(), { postMessage: vi.fn() });
    const channel = connectToParent({ parentPort: port, send: vi.fn() } as any);
    const received: unknown[] = [];
    channel.onMessage((m) => received.push(m));
    port.emit('message', { data: { type: 'close' } });
    channel.send({ type: 'ready', serverUrl: null });
    expect(received).toEqual([{ type: 'close' }]);
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'ready', serverUrl: null });
  });

  it('falls back to Node’s IPC channel (child_process.fork), and refuses to run without either', () => {
    const proc = Object.assign(new EventEmitter(), { send: vi.fn() });
    const channel = connectToParent(proc as any);
    const received: unknown[] = [];
    channel.onMessage((m) => received.push(m));
    proc.emit('message', { type: 'close' });
    channel.send({ type: 'ready', serverUrl: null });
    expect(received).toEqual([{ type: 'close' }]);
    expect(proc.send).toHaveBeenCalledWith({ type: 'ready', serverUrl: null }, undefined, {}, expect.any(Function));
    expect(() => connectToParent(new EventEmitter() as any)).toThrow('must be started by the app');
  });
});

describe('openCore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-open-core-'));
  const notAKey = join(dir, 'not-a-key.pem');
  writeFileSync(notAKey, 'just text');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the centre with the child’s own clock and the report worker as a URL', async () => {
    const running = await openCore({ ...OPTIONS, reportWorker: 'file:///app/out/main/report-worker.js' }, logger);
    expect(running.serverUrl).toBeNull();
    expect(opened.centre[0]).toMatchObject({ dataDir: '/srv/dcr', version: '1.0.0', logger, reportWorker: new URL('file:///app/out/main/report-worker.js') });
    expect(typeof opened.centre[0].clock.now()).toBe('number');
    expect(opened.headless).toEqual([]);
  });

  it('serves HTTP when asked, reading the TLS certificate and key itself', async () => {
    const { certFile, keyFile, cert, key, dir: certDir } = makeTestCertificate();
    try {
      const running = await openCore({ ...OPTIONS, serve: { host: '0.0.0.0', port: 5170, webRoot: '/app/out/web', tls: { certFile, keyFile } } }, logger);
      expect(running.serverUrl).toBe('https://127.0.0.1:5170');
      expect(opened.headless[0]).toMatchObject({ dataDir: '/srv/dcr', host: '0.0.0.0', port: 5170, webRoot: '/app/out/web', tls: { cert, key } });
      // A pair that does not belong together is refused before anything starts (main gets it as a fatal error).
      await expect(openCore({ ...OPTIONS, serve: { host: '0.0.0.0', port: 5170, tls: { certFile, keyFile: notAKey } } }, logger)).rejects.toThrow(notAKey);
    } finally {
      rmSync(certDir, { recursive: true, force: true });
    }
  });

  it('says how to build better-sqlite3 for Electron when only Node’s build exists', async () => {
    opened.failure = new Error('compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version requires NODE_MODULE_VERSION 140.');
    await expect(openCore(OPTIONS, logger)).rejects.toThrow('Run "node scripts/rebuild-electron-native.mjs"');
    // With an Electron build given, an ABI error is something else and passes through as it is.
    await expect(openCore({ ...OPTIONS, nativeBinding: '/app/build/native/electron/better_sqlite3.node' }, logger)).rejects.toThrow(/^compiled against/);
  });
});

describe('start-up errors across the boundary', () => {
  it('keep their class, message and fields', () => {
    const revived = fromWireError(toWireError(new DataDirInUseError('/srv/dcr', '')));
    expect(revived).toBeInstanceOf(DataDirInUseError);
    expect(revived).toBeInstanceOf(Error);
    expect(revived).toMatchObject({ name: 'DataDirInUseError', dataDir: '/srv/dcr', message: expect.stringContaining('/srv/dcr is in use') });
  });

  it('revive an unknown name as a plain Error with that name, whatever the name', () => {
    for (const name of ['RangeError', '__proto__', 'constructor']) {
      const revived = fromWireError({ name, message: 'boom' });
      expect(Object.getPrototypeOf(revived)).toBe(Error.prototype);
      expect(revived).toMatchObject({ name, message: 'boom' });
    }
    expect(toWireError('a string was thrown')).toEqual({ name: 'Error', message: 'a string was thrown' });
  });
});
