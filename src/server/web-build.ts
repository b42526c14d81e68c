import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `dir`, skipping nothing: the renderer tree is small. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * When run from a source checkout, builds the renderer into out/web if it is missing or older than its sources,
 * so `npm run serve` is one command for a newcomer.
 */
export async function ensureWebBuild(projectRoot: string, log: (message: string) => void): Promise<string> {
  const outDir = join(projectRoot, 'out', 'web');
  const index = join(outDir, 'index.html');
  const sources = [join(projectRoot, 'src', 'renderer'), join(projectRoot, 'src', 'shared')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestMtime))) return outDir;
  log('building the web renderer (out/web)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.web.config.ts'), logLevel: 'warn' });
  return outDir;
}
