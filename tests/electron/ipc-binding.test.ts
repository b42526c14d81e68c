import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, ManualClock, silentLogger, type Core } from '../../src/core';
import { openDatabase, type AppDatabase } from '../../src/core/db/open-database';
import { bindContract, type ContractHost } from '../../src/main/ipc-binding';
import { WindowSessions } from '../../src/main/sessions';
import { IPC_INVOKE_CHANNEL, type BridgeResult } from '../../src/shared/bridge';
import { METHOD_NAMES } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import type { Principal } from '../../src/shared/roles';
import { FakeWebContents, ipcMain, resetFakes } from './electron-fakes';

const APP_URL = 'http://localhost:5173/#/board';
const isAppUrl = (url: string) => new URL(url).origin === 'http://localhost:5173';
const dispatcher: Principal = { kind: 'user', id: 'usr_d', name: 'Dana', role: 'dispatcher', scopes: [] };

function invoker(sender = new FakeWebContents(), frameUrl: string | null = APP_URL) {
  const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;
  const event = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
  return (method: unknown, input?: unknown) => handler(event, method, input) as Promise<BridgeResult>;
}

beforeEach(resetFakes);

describe('bindContract with a recording host', () => {
  const calls: { method: string; input: unknown; principal: Principal | null }[] = [];
  const tokens = new Map<string, Principal>([['tok-dana', dispatcher]]);
  const host: ContractHost = {
    call: async (method, input, principal) => {
      calls.push({ method, input, principal });
      if (method === 'auth.login') return { token: 'tok-dana', expiresAt: 1, user: { id: 'usr_d' } };
      if (method === 'system.info') throw new Error('disk on fire at /var/secret/path');
      return { echoed: method };
    },
  };
  const logger = { ...silentLogger, error: vi.fn() };
  let sessions: WindowSessions;

  beforeEach(() => {
    calls.length = 0;
    sessions = new WindowSessions(async (token) => tokens.get(token) ?? null);
    bindContract(ipcMain, host, { isAppUrl, sessions, logger });
  });

  it('registers exactly one handler, on the fixed invoke channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
  });

  it('routes every contract method through that one handler to the host', async () => {
    const invoke = invoker();
    for (const method of METHOD_NAMES.filter((m) => m !== 'system.info' && m !== 'auth.login')) {
      expect(await invoke(method, { probe: method })).toEqual({ ok: true, value: { echoed: method } });
    }
    await invoke('auth.login', { username: 'dana', password: 'pw' });
    await invoke('system.info', {});
    expect(calls.map((c) => c.method).sort()).toEqual([...METHOD_NAMES].sort());
    expect(calls.find((c) => c.method === 'workOrders.list')?.input).toEqual({ probe: 'workOrders.list' });
  });

  it('answers an unknown method with an unknown_method problem and never calls the host', async () => {
    const result = await invoker()('workOrders.delete', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method', status: 404 } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a foreign origin', 'https://evil.example/#/board'],
    ['a file outside the app', 'file:///tmp/page.html'],
    ['a destroyed frame', null],
  ])('refuses %s as sender with a forbidden problem', async (_label, frameUrl) => {
    const result = await invoker(new FakeWebContents(), frameUrl)('auth.me', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', status: 403 } });
    expect(calls).toEqual([]);
  });

  it('turns an unexpected error into a generic internal problem, logged but not leaked', async () => {
    const result = await invoker()('system.info', {});
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'internal', status: 500, detail: 'Something went wrong in the app. The error has been logged.' }),
    });
    expect(JSON.stringify(result)).not.toContain('/var/secret');
    expect(logger.error).toHaveBeenCalledWith('IPC call failed', expect.objectContaining({ method: 'system.info' }));
  });

  it('passes an AppError from the host through as its problem', async () => {
    const failing: ContractHost = { call: async () => Promise.reject(new AppError('conflict', 'Already assigned.')) };
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    bindContract(ipcMain, failing, { isAppUrl, sessions, logger });
    expect(await invoker()('workOrders.list', {})).toEqual({ ok: false, error: new AppError('conflict', 'Already assigned.').toProblem() });
  });

  it('remembers the login token per window and attaches its principal to later calls of that window only', async () => {
    const board = new FakeWebContents();
    const other = new FakeWebContents();
    const login = await invoker(board)('auth.login', { username: 'dana', password: 'pw' });
    expect(login).toEqual({ ok: true, value: { token: 'tok-dana', expiresAt: 1, user: { id: 'usr_d' } } });
    await invoker(board)('auth.me', {});
    await invoker(other)('auth.me', {});
    expect(calls.slice(1).map((c) => c.principal)).toEqual([dispatcher, null]);
  });

  it('takes a session only from auth.login, never from another result carrying a token', async () => {
    const board = new FakeWebContents();
    const tokenish: ContractHost = { call: async () => ({ token: 'tok-dana' }) };
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    bindContract(ipcMain, tokenish, { isAppUrl, sessions, logger });
    await invoker(board)('apiKeys.create', { kind: 'display', name: 'Wall' });
    expect(await sessions.principalOf(board.id)).toBeNull();
  });

  it('forgets the session on logout, and when the window is destroyed', async () => {
    const board = new FakeWebContents();
    await invoker(board)('auth.login', { username: 'dana', password: 'pw' });
    await invoker(board)('auth.logout', {});
    await invoker(board)('auth.me', {});
    expect(calls.map((c) => [c.method, c.principal?.id ?? null])).toEqual([
      ['auth.login', null],
      ['auth.logout', 'usr_d'],
      ['auth.me', null],
    ]);

    const popOut = new FakeWebContents();
    await invoker(popOut)('auth.login', { username: 'dana', password: 'pw' });
    popOut.destroy();
    expect(await sessions.principalOf(popOut.id)).toBeNull();
  });

  it('unbinds with the function it returns', () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    const unbind = bindContract(ipcMain, host, { isAppUrl, sessions, logger });
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('bindContract over a real core', () => {
  const ADMIN_TOKEN = 'admin-bootstrap-token-0123456789';
  let store: AppDatabase;
  let core: Core;
  let sessions: WindowSessions;

  beforeEach(async () => {
    store = openDatabase({ file: ':memory:' });
    core = createCore({ db: store.db, clock: new ManualClock(Date.UTC(2026, 0, 5, 9)), logger: silentLogger });
    await core.auth.bootstrapAdminToken(ADMIN_TOKEN);
    const admin = await core.auth.resolveToken(ADMIN_TOKEN);
    await core.call('users.create', { username: 'dana', displayName: 'Dana Disp', role: 'dispatcher', password: 'correct horse' }, admin);
    sessions = new WindowSessions((token) => core.auth.resolveToken(token));
    bindContract(ipcMain, core, { isAppUrl, sessions, logger: silentLogger });
  });
  afterEach(() => store.close());

  it('answers invalid input with a validation problem naming each bad field', async () => {
    const result = await invoker()('auth.login', { username: '', extra: 1 });
    expect(result.ok).toBe(false);
    const error = (result as Extract<BridgeResult, { ok: false }>).error;
    expect(error.code).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.errors?.map((e) => e.path).sort()).toEqual(['extra', 'password', 'username']);
  });

  it('refuses bad input of every kind with a typed error and writes nothing', async () => {
    const counts = () =>
      Object.fromEntries(
        (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).map((t) => [
          t,
          store.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get(),
        ]),
      );
    const board = new FakeWebContents();
    await invoker(board)('auth.login', { username: 'dana', password: 'correct horse' });
    const before = counts();
    const cases: [string, unknown, string][] = [
      ['workOrders.update', { id: 5, version: 'one' }, 'validation'],
      ['serviceRequests.create', { categoryCode: 'LEAK' }, 'validation'],
      ['workOrders.approve', { id: 'wo_missing', version: 1 }, 'not_found'],
      ['workOrders.explode', {}, 'unknown_method'],
      ['users.create', { username: 'eve', displayName: 'Eve', role: 'admin', password: 'long enough' }, 'forbidden'],
    ];
    for (const [method, input, code] of cases) {
      const result = await invoker(board)(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code, type: `urn:dispatch-control-room:problem:${code}` } });
    }
    expect(await invoker(new FakeWebContents())('workOrders.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated', status: 401 } });
    expect(counts()).toEqual(before);
  });

  it('refuses a signed-out window with unauthenticated, then serves it once signed in', async () => {
    const board = new FakeWebContents();
    expect(await invoker(board)('auth.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const login = await invoker(board)('auth.login', { username: 'dana', password: 'correct horse' });
    expect(login).toMatchObject({ ok: true, value: { user: { username: 'dana', role: 'dispatcher' } } });
    expect(await invoker(board)('auth.me', {})).toMatchObject({ ok: true, value: { kind: 'user', name: 'Dana Disp', role: 'dispatcher' } });
    expect(await invoker(board)('users.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('ends a pop-out and its opener together: a logout in one revokes the shared session at once', async () => {
    const board = new FakeWebContents();
    const popOut = new FakeWebContents();
    await invoker(board)('auth.login', { username: 'dana', password: 'correct horse' });
    sessions.inherit(popOut, board);
    expect(await invoker(popOut)('auth.me', {})).toMatchObject({ ok: true, value: { name: 'Dana Disp' } });
    expect(await invoker(popOut)('auth.logout', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await invoker(board)('auth.me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('reports a wrong password as unauthenticated and keeps the window signed out', async () => {
    const board = new FakeWebContents();
    expect(await invoker(board)('auth.login', { username: 'dana', password: 'wrong one' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', detail: 'Unknown username or wrong password.' },
    });
    expect(await sessions.principalOf(board.id)).toBeNull();
  });
});
