import type { IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, ManualClock, silentLogger } from '../../src/core';
import { seedDemo } from '../../src/core/demo/seed-demo';
import { openDatabase, type AppDatabase } from '../../src/core/db/open-database';
import { bindContract } from '../../src/main/ipc-binding';
import { WindowSessions } from '../../src/main/sessions';
import { IPC_INVOKE_CHANNEL, type BridgeResult } from '../../src/shared/bridge';
import { describeMethodName, METHOD_NAMES } from '../../src/shared/contract';
import { FakeWebContents, ipcMain, resetFakes } from './electron-fakes';

/**
 * 2,000 generated hostile calls through the one IPC handler of a window signed in as an administrator, against a
 * real core: every answer is a typed result, never a 5xx-class error, and a refused call writes nothing.
 */
const RUNS = 2_000;
// Calls that would end the session doing the fuzzing, or only be slow; their input handling is the router's, fuzzed here for every other method.
const SKIPPED = new Set(['auth.logout', 'auth.login', 'system.backup']);
const APP_URL = 'http://localhost:5173/#/admin';
let store: AppDatabase;

beforeEach(async () => {
  resetFakes();
  store = openDatabase({ file: ':memory:' });
  const clock = new ManualClock(Date.UTC(2026, 2, 2, 9));
  await seedDemo(store.db, { seed: 3, now: clock.now() });
  const core = createCore({ db: store.db, clock, logger: silentLogger });
  bindContract(ipcMain, core, { isAppUrl: (url) => new URL(url).origin === 'http://localhost:5173', sessions: new WindowSessions((t) => core.auth.resolveToken(t)), logger: silentLogger });
});
afterEach(() => store.close());

const counts = () =>
  (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).map(
    (t) => `${t}:${String(store.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())}`,
  );

const hostile: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue(),
    fc.constantFrom('__proto__', "'; DROP TABLE work_orders; --", '\ud800', 'x'.repeat(5_000), -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('id', 'version', '__proto__', 'constructor', 'limit')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('IPC fuzzing', () => {
  it(`answers ${RUNS} hostile calls with typed results, no internal error, no partial write`, async () => {
    const window = new FakeWebContents();
    const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;
    const event = { sender: window, senderFrame: { url: APP_URL } } as unknown as IpcMainInvokeEvent;
    const invoke = (method: unknown, input: unknown) => handler(event, method, input) as Promise<BridgeResult>;
    expect(await invoke('auth.login', { username: 'admin', password: 'demo-admin' })).toMatchObject({ ok: true });
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...METHOD_NAMES.filter((m) => !SKIPPED.has(m))) }, { weight: 1, arbitrary: hostile }),
        hostile,
        async (method, input) => {
          const before = counts();
          const result = await invoke(method, input);
          const code = result.ok ? 'ok' : result.error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (!result.ok) {
            expect(result.error.status, `${describeMethodName(method)} → ${result.error.detail}`).toBeLessThan(500);
            expect(counts(), `${describeMethodName(method)} was refused but wrote`).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS, seed: 20261125 },
    );
    expect(codes.get('validation') ?? 0).toBeGreaterThan(RUNS / 2);
  }, 300_000);
});
