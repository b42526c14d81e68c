import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { CENTRE_SETTINGS_FILE } from '../../src/main/centre-settings';
import { bindDesktopIpc } from '../../src/main/desktop-ipc';
import { DESKTOP_CHANNELS, type DesktopBridge, type DesktopResult } from '../../src/shared/bridge';
import { FakeWebContents, ipcMain, resetFakes } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

/**
 * The desktop bridge's channels (choosing the centre) under 2,000 generated hostile calls: from pages that are not
 * the desktop's own (a centre's page, a foreign site, no frame) every call is refused before its input is read,
 * and from the desktop's own page any input that is not a centre address is refused by the schema. Every answer is
 * a typed refusal below 500, nothing is saved and the centre is never switched.
 */
const RUNS = 2_000;
const LOCAL = 'file:///opt/dcr/out/renderer/index.html';
const CENTRE_PAGE = 'https://centre.example:5170/#/board';
const CHANNELS = Object.keys(DESKTOP_CHANNELS) as (keyof DesktopBridge)[];
/** Channels that change which centre this computer trusts; only the desktop's own page may use them. */
const CHOOSERS: (keyof DesktopBridge)[] = ['currentCentre', 'probeCentre', 'connectCentre', 'useLocalCentre'];

let userDataDir: string;
const switchCentre = vi.fn();
const logger = { ...silentLogger, error: vi.fn() };

beforeEach(() => {
  resetFakes();
  switchCentre.mockClear();
  logger.error.mockClear();
  userDataDir = mkdtempSync(join(tmpdir(), 'dcr-desktop-fuzz-'));
  bindDesktopIpc(ipcMain, {
    isLocalPage: (url) => url.startsWith(LOCAL),
    isAppUrl: (url) => url.startsWith(LOCAL) || url.startsWith('https://centre.example:5170/'),
    connectPageUrl: `${LOCAL}#/connect`,
    userDataDir,
    logger,
    switchCentre,
  });
});
afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

/** Any value a compromised page could pass, except strings (a string may be a reachable address: see below). */
const nonString: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('url', '__proto__', 'constructor', 'href', 'fingerprint'), fc.jsonValue(), { maxKeys: 3 }),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(nonString, fc.string(), fc.constantFrom('https://evil.example', 'javascript:alert(1)', 'x'.repeat(10_000)));
const foreignFrame = fc.constantFrom<string | undefined>(CENTRE_PAGE, 'https://evil.example/', 'file:///tmp/other.html', 'about:blank', undefined);

async function call(channel: keyof DesktopBridge, frameUrl: string | undefined, args: unknown[]): Promise<DesktopResult<unknown>> {
  const sender = Object.assign(new FakeWebContents(), { loadURL: vi.fn(async () => undefined) });
  const event = { sender, senderFrame: frameUrl === undefined ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
  return (await ipcMain.handlers.get(DESKTOP_CHANNELS[channel])!(event, ...args)) as DesktopResult<unknown>;
}

describe('desktop IPC fuzzing', () => {
  it(`refuses ${RUNS} hostile calls with typed answers, saving nothing and never switching centre`, async () => {
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // Pages other than the desktop's own, on the channels that choose the centre, with any arguments.
          fc.tuple(fc.constantFrom(...CHOOSERS), foreignFrame, fc.array(anything, { maxLength: 3 })),
          // The desktop's own page with arguments that are no address at all (a real address would be probed).
          fc.tuple(fc.constantFrom<keyof DesktopBridge>('probeCentre', 'connectCentre'), fc.constant<string | undefined>(LOCAL), fc.array(nonString, { minLength: 0, maxLength: 3 })),
          // Any channel from an unknown or missing frame.
          fc.tuple(fc.constantFrom(...CHANNELS), fc.constantFrom<string | undefined>(undefined, 'https://evil.example/'), fc.array(anything, { maxLength: 2 })),
        ),
        async ([channel, frame, args]) => {
          const result = await call(channel, frame, args);
          expect(result.ok, `${channel} from ${frame} with ${JSON.stringify(args)?.slice(0, 80)}`).toBe(false);
          if (result.ok) return;
          codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
          expect(result.error.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS, seed: 20261125 },
    );
    expect(existsSync(join(userDataDir, CENTRE_SETTINGS_FILE))).toBe(false);
    expect(switchCentre).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
    expect([...codes.keys()].sort()).toEqual(['forbidden', 'validation']);
  }, 120_000);
});
