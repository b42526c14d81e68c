/**
 * electron-builder's beforePack hook (electron-builder.cjs): runs once per platform and architecture, before the
 * app's files are copied, so the packed app always carries the better-sqlite3 build for exactly the Electron,
 * platform and architecture being packed, however electron-builder was started (`npm run dist:*` or by hand).
 * It also stops the build early when the update feed is missing or not https, instead of shipping a release that
 * cannot update.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import electronBuilder from 'electron-builder';

const root = resolve(import.meta.dirname, '..');
const STAMP = join(root, 'build', 'native', 'electron', 'build-info.json');

/** The same rule the app applies at run time (src/main/update-settings.ts): https, or http on this machine. */
export function checkUpdateFeedUrl(value) {
  if (!value) {
    throw new Error('Set DISPATCH_UPDATE_URL to the https URL of the folder the release will be uploaded to (README, "Releasing").');
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`DISPATCH_UPDATE_URL is not a URL: ${value}`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new Error(`DISPATCH_UPDATE_URL must be an https URL (http only for localhost): ${value}`);
  }
}

/** rebuild-electron-native.mjs speaks Node's platform names; electron-builder packs the Mac App Store as "mas". */
export function nativeTarget(electronPlatformName, arch) {
  if (arch === 'universal') throw new Error('Universal macOS builds are not supported: build x64 and arm64 separately.');
  return { platform: electronPlatformName === 'mas' ? 'darwin' : electronPlatformName, arch };
}

export default async function beforePack(context) {
  checkUpdateFeedUrl(process.env.DISPATCH_UPDATE_URL);
  const target = nativeTarget(context.electronPlatformName, electronBuilder.Arch[context.arch]);
  const script = join(root, 'scripts', 'rebuild-electron-native.mjs');
  const result = spawnSync(process.execPath, [script, '--platform', target.platform, '--arch', target.arch], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`better-sqlite3 could not be built for Electron on ${target.platform}-${target.arch} (see above).`);
  // The rebuild script records what it built; a mismatch would ship a binary the app cannot load.
  const built = JSON.parse(readFileSync(STAMP, 'utf8'));
  const electron = context.packager?.info?.framework?.version;
  if (built.platform !== target.platform || built.arch !== target.arch || (electron && built.electron !== electron)) {
    throw new Error(`build/native/electron holds a build for ${built.platform}-${built.arch} Electron ${built.electron}, not ${target.platform}-${target.arch} Electron ${electron}.`);
  }
}
