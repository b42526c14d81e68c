import type { Configuration } from 'electron-builder';
import { existsSync, readFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * electron-builder.cjs checked with electron-builder's own loader, schema validation (ajv over
 * app-builder-lib/scheme.json, exactly what a build runs first) and file matcher, without packaging anything
 * (there is no Electron binary here).
 */
const root = resolve(import.meta.dirname, '../..');
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Configuration>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}
interface FileMatcherClass {
  new (from: string, to: string, macroExpander: (pattern: string) => string, patterns?: string[]): { createFilter(): (file: string, stat: Stats) => boolean };
}
const { getConfig, validateConfiguration } = libRequire('./out/util/config/config') as ConfigModule;
const { FileMatcher } = libRequire('./out/fileMatcher') as { FileMatcher: FileMatcherClass };
const validate = (config: unknown) => validateConfiguration(config, { isEnabled: false, add: () => {} });

/** electron-builder's own decision whether a project file goes into the app for these patterns. */
function matcher(patterns: string[] | undefined): (relativePath: string) => boolean {
  const filter = new FileMatcher(root, '/app', (pattern) => pattern, patterns).createFilter();
  return (relativePath) => filter(join(root, relativePath), { isDirectory: () => false } as Stats);
}

/** The app's file patterns: getConfig merges the plain patterns into one file set (from the project root). */
function filePatterns(files: Configuration['files']): string[] {
  return (Array.isArray(files) ? files : [files]).flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    expect(entry?.from ?? '.', 'every file set copies from the project root').toBe('.');
    return [entry?.filter ?? []].flat();
  });
}

const SIGNING_VARIABLES = ['CSC_LINK', 'CSC_NAME', 'APPLE_API_KEY', 'APPLE_ID', 'APPLE_KEYCHAIN_PROFILE'];
/** electron-builder.cjs exports a function of the environment, which electron-builder calls. */
const packagingConfig = createRequire(import.meta.url)(join(root, 'electron-builder.cjs')) as () => Configuration;
/** The configuration as a build with these signing variables (and no others) would see it. */
function configWith(env: Record<string, string>): Configuration {
  for (const name of SIGNING_VARIABLES) vi.stubEnv(name, env[name] ?? '');
  return packagingConfig();
}

let config: Configuration;
beforeAll(async () => {
  for (const name of SIGNING_VARIABLES) vi.stubEnv(name, ''); // an unsigned build, whatever this machine has set
  config = await getConfig(root, null, null); // finds electron-builder.cjs by name, as `electron-builder` does
});
afterEach(() => {
  for (const name of SIGNING_VARIABLES) vi.stubEnv(name, '');
});
afterAll(() => vi.unstubAllEnvs());

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's schema, unsigned and signed", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate(configWith({ CSC_LINK: 'cert.p12', APPLE_API_KEY: 'key.p8' }))).resolves.toBeUndefined();
  });

  it('is refused by the same validation when it is wrong', async () => {
    await expect(validate({ ...config, autoUpdate: true })).rejects.toThrow(/Invalid configuration object/);
    await expect(validate({ ...config, nsis: { ...config.nsis, perUser: true } })).rejects.toThrow(/configuration\.nsis/);
    await expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes please' } })).rejects.toThrow(/configuration\.mac/);
  });

  it('names the app and its folders', () => {
    expect(config).toMatchObject({ appId: 'com.dispatchcontrolroom.desktop', productName: 'Dispatch Control Room', directories: { buildResources: 'build', output: 'dist' } });
  });

  it('builds AppImage and deb on Linux, an NSIS installer with a per-user / per-machine choice on Windows, dmg on macOS', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office', maintainer: expect.stringMatching(/<.+@.+>/), desktop: { entry: expect.any(Object) } });
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: true, createStartMenuShortcut: true, shortcutName: 'Dispatch Control Room' });
    // zip beside dmg: macOS updates are installed from the zip.
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], category: 'public.app-category.business' });
  });

  it('turns on the hardened runtime and notarisation only when signing is configured', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: false, notarize: false });
    expect(configWith({ CSC_LINK: 'cert.p12' }).mac).toMatchObject({ hardenedRuntime: true, notarize: false });
    expect(configWith({ CSC_NAME: 'Developer ID Application: X', APPLE_ID: 'a@b.c' }).mac).toMatchObject({ hardenedRuntime: true, notarize: true });
  });

  it('publishes a generic update feed whose URL comes from DISPATCH_UPDATE_URL', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.DISPATCH_UPDATE_URL}' }]);
  });

  it('puts only the built app, package.json, the Electron build of better-sqlite3 and the window icon in the app', () => {
    const packed = matcher(filePatterns(config.files));
    const built = ['out/main/index.js', 'out/main/report-worker.js', 'out/main/core-entry.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/web/index.html'];
    for (const file of [...built, 'package.json', 'build/native/electron/better_sqlite3.node', 'resources/icon.png']) {
      expect(packed(file), file).toBe(true);
    }
    for (const file of ['src/main/index.ts', 'src/core/centre.ts', 'tests/electron/updater.test.ts', 'tests/unit/x.test.ts', 'build/icon.png', 'build/native/electron/build-info.json', 'electron-builder.cjs', 'scripts/make-icons.mjs', 'README.md', 'bench/run.ts']) {
      expect(packed(file), file).toBe(false);
    }
  });

  it("leaves better-sqlite3's Node build and C sources out of node_modules", () => {
    // electron-builder applies only the exclusions of `files` to production node_modules (getNodeModuleFileMatcher).
    const modules = matcher(['**/*', ...filePatterns(config.files).filter((p) => p.startsWith('!'))]);
    expect(modules('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(modules('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(modules('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(modules('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(modules('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
  });

  it('unpacks the native module from the asar archive and keeps its own rebuild off', () => {
    const unpacked = matcher(config.asarUnpack as string[]);
    expect(unpacked('build/native/electron/better_sqlite3.node')).toBe(true);
    expect(unpacked('out/web/assets/index.js')).toBe(true); // served from disk by --headless
    expect(unpacked('out/main/index.js')).toBe(false);
    // electron-builder's rebuild would overwrite node_modules' Node build, which the tests and the server use.
    expect(config.npmRebuild).toBe(false);
  });

  it('builds the native module in its beforePack hook, for the platform and architecture being packed', async () => {
    expect(config.beforePack).toBe('./scripts/electron-builder-before-pack.mjs');
    const hook = await import(pathToFileURL(join(root, config.beforePack as string)).href);
    expect(hook.default).toBeTypeOf('function');
    expect(hook.nativeTarget('win32', 'x64')).toEqual({ platform: 'win32', arch: 'x64' });
    expect(hook.nativeTarget('mas', 'arm64')).toEqual({ platform: 'darwin', arch: 'arm64' });
    expect(() => hook.nativeTarget('darwin', 'universal')).toThrow(/Universal/);
    expect(() => hook.checkUpdateFeedUrl(undefined)).toThrow(/Set DISPATCH_UPDATE_URL/);
    expect(() => hook.checkUpdateFeedUrl('http://updates.example.com/')).toThrow(/must be an https URL/);
    expect(() => hook.checkUpdateFeedUrl('https://updates.example.com/dispatch/')).not.toThrow();
    expect(() => hook.checkUpdateFeedUrl('http://localhost:8080/')).not.toThrow();
  });
});

describe('icons', () => {
  /** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
  function pngSize(file: string): { width: number; height: number } {
    const data = readFileSync(join(root, file));
    expect(data.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
    expect(data.toString('ascii', 12, 16)).toBe('IHDR');
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }

  it('has a 1024 px master icon and a 512 px window icon', () => {
    expect(pngSize('build/icon.png')).toEqual({ width: 1024, height: 1024 });
    expect(pngSize('resources/icon.png')).toEqual({ width: 512, height: 512 });
  });

  it('has the Linux icon set that linux.icon points to, each file the size its name says', () => {
    expect(config.linux?.icon).toBe('build/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(`build/icons/${size}x${size}.png`)).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico with the sizes Windows asks for', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    const ico = readFileSync(join(root, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type icon
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const [size, offset] = [ico.readUInt32LE(at + 8), ico.readUInt32LE(at + 12)];
      expect(offset + size).toBeLessThanOrEqual(ico.length);
      return ico[at] || 256; // 0 means 256
    });
    expect(entries).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
  });

  it('has a macOS .icns whose table of contents covers 16 to 1024 px', () => {
    expect(config.mac?.icon).toBe('build/icon.icns');
    const icns = readFileSync(join(root, 'build/icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('ascii', at, at + 4));
    // is32: 16 px, il32: 32 px, ic07: 128 px, ic08: 256 px, ic09: 512 px, ic10: 1024 px (512@2x).
    expect(types).toEqual(expect.arrayContaining(['is32', 'il32', 'ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('keeps the SVG sources the icons are rendered from', () => {
    expect(existsSync(join(root, 'build/icon.svg'))).toBe(true);
    expect(existsSync(join(root, 'build/icon-small.svg'))).toBe(true);
  });
});
