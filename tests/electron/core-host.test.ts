import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ELECTRON_NATIVE_BINDING, electronNativeBinding, withNativeBuildHint } from '../../src/main/core-host';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcr-host-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
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

describe('withNativeBuildHint', () => {
  const abiError = new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version requires NODE_MODULE_VERSION 140.');
  const failing = (error: Error) => () => Promise.reject(error);

  it('says how to build one instead of passing on the ABI error when there is no Electron build', async () => {
    const error = await withNativeBuildHint(undefined, failing(abiError)).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringContaining('Run "node scripts/rebuild-electron-native.mjs"'), cause: abiError });
    expect((error as Error).message).toContain(ELECTRON_NATIVE_BINDING);
  });

  it('passes every other outcome through as it is', async () => {
    await expect(withNativeBuildHint('/app/build/native/electron/better_sqlite3.node', failing(abiError))).rejects.toBe(abiError);
    const busy = new Error('database is locked');
    await expect(withNativeBuildHint(undefined, failing(busy))).rejects.toBe(busy);
    await expect(withNativeBuildHint(undefined, async () => 'opened')).resolves.toBe('opened');
  });
});
