#!/usr/bin/env node
/**
 * Puts a better-sqlite3 build for Electron's ABI in build/native/electron/better_sqlite3.node, which the app loads
 * through better-sqlite3's `nativeBinding` option (src/main/core-host.ts). node_modules/better-sqlite3/build is the
 * Node build that `npm ci` made for the tests and `npm run serve`; it is never touched, so switching between
 * `npm start` and `npm test` never breaks either side (ARCHITECTURE.md, "Native module").
 *
 * How: copy the package (without its build folder) to a temp directory, then inside that copy
 *   1. download the prebuilt binary for this Electron version (prebuild-install, as better-sqlite3's own install
 *      script does), or, if there is none,
 *   2. compile it with node-gyp against Electron's headers (needs Python and a C++ toolchain),
 * and copy the result out. Both steps need the network (GitHub release assets or electronjs.org headers).
 *
 * Usage: node scripts/rebuild-electron-native.mjs [--force] [--arch x64|arm64] [--platform linux|win32|darwin]
 * Skips the work when the recorded build already matches the installed versions, unless --force.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

/** A failure with a message for the user, as opposed to a bug in this script. */
class BuildError extends Error {}

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const { values: flags } = parseArgs({
  options: { force: { type: 'boolean', default: false }, arch: { type: 'string', default: process.arch }, platform: { type: 'string', default: process.platform } },
});

const electronVersion = readJson(require.resolve('electron/package.json')).version;
const sqlitePackageDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = readJson(join(sqlitePackageDir, 'package.json')).version;
const outDir = join(root, 'build', 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'build-info.json');
const wanted = { betterSqlite3: sqliteVersion, electron: electronVersion, platform: flags.platform, arch: flags.arch };

if (!flags.force && existsSync(outFile) && existsSync(stampFile) && sameBuild(readJson(stampFile), wanted)) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${flags.platform}-${flags.arch}) is up to date.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'dcr-sqlite-electron-'));
try {
  // The copy leaves out build/: the Node binary there must survive, and a stale one must not be picked up.
  cpSync(sqlitePackageDir, work, { recursive: true, filter: (src) => !isBuildFolder(relative(sqlitePackageDir, src)) });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!(prebuilt(work) && existsSync(built)) && !(compiled(work) && existsSync(built))) {
    throw new BuildError('Neither a prebuilt binary nor a local compile produced better_sqlite3.node (see the output above).');
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, outFile);
  writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log(`Wrote ${relative(root, outFile)} for Electron ${electronVersion} (${flags.platform}-${flags.arch}).`);
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`rebuild-electron-native: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

function prebuilt(cwd) {
  console.log(`Fetching the prebuilt better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
  const bin = join(dirname(require.resolve('prebuild-install/package.json', { paths: [sqlitePackageDir] })), 'bin.js');
  return run(process.execPath, [bin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${flags.arch}`, `--platform=${flags.platform}`, '--verbose'], cwd);
}

function compiled(cwd) {
  if (flags.platform !== process.platform) throw new BuildError(`No prebuilt binary for ${flags.platform}, and node-gyp cannot cross-compile to it from ${process.platform}.`);
  const gyp = nodeGyp();
  if (!gyp) throw new BuildError('No prebuilt binary, and node-gyp was not found (install it, or use an npm that bundles it).');
  console.log(`Compiling better-sqlite3 ${sqliteVersion} against Electron ${electronVersion}'s headers…`);
  return run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${flags.arch}`, '--dist-url=https://electronjs.org/headers'], cwd);
}

/** node-gyp from the project, or the copy npm bundles (the one `npm ci` itself uses). */
function nodeGyp() {
  const candidates = [
    () => require.resolve('node-gyp/bin/node-gyp.js'),
    () => process.env.npm_config_node_gyp,
    () => join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    () => join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  for (const candidate of candidates) {
    try {
      const file = candidate();
      if (file && existsSync(file)) return file;
    } catch {
      // Not installed at this location; try the next.
    }
  }
  return null;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return result.status === 0;
}

function sameBuild(a, b) {
  return Object.keys(b).every((key) => a[key] === b[key]);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function isBuildFolder(path) {
  return path === 'build' || path.startsWith(`build${sep}`);
}
