import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

describe('links out of the app', () => {
  it('reach shell.openExternal only through the checked opener (src/main/external-links.ts)', () => {
    const callers = sources('src').filter((file) => readFileSync(file, 'utf8').includes('openExternal('));
    expect(callers).toEqual([join('src', 'main', 'external-links.ts')]);
  });
});
