import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the file at `path`, returning the layer violations reported. */
async function layerViolations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries (ARCHITECTURE.md) are enforced by lint', () => {
  it.each([
    ['src/shared/probe.ts', "import { createCore } from '../core';", 'shared must not import core'],
    ['src/shared/probe.ts', "import { readFileSync } from 'node:fs';", 'shared must not import Node built-ins'],
    ['src/core/probe.ts', "import { app } from 'electron';", 'core must not import electron'],
    ['src/core/probe.ts', "import Fastify from 'fastify';", 'core must not import an HTTP framework'],
    ['src/renderer/src/probe.ts', "import { createCore } from '../../core';", 'renderer must not import core'],
    ['src/renderer/src/probe.ts', "import { ipcRenderer } from 'electron';", 'renderer must not import electron'],
    ['src/server/probe.ts', "import { BrowserWindow } from 'electron';", 'server must not import electron'],
    ['src/preload/probe.ts', "import { openDatabase } from '../core/db/open-database';", 'preload must not import core'],
  ])('%s: %s is refused', async (path, code, expected) => {
    const messages = await layerViolations(path, `${code}\nexport {};\n`);
    expect(messages.join('\n')).toContain(expected);
  });

  it.each([
    ['src/core/probe.ts', "import { contract } from '../shared/contract';"],
    ['src/server/probe.ts', "import { createCore } from '../core';"],
    ['src/main/probe.ts', "import { app } from 'electron';"],
    ['src/renderer/src/probe.ts', "import { contract } from '@shared/contract';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await layerViolations(path, `${code}\nexport {};\n`)).toEqual([]);
  });
});

describe('layer patterns match project folders only', () => {
  it('lets the renderer import an npm package whose path contains a layer name', async () => {
    expect(await layerViolations('src/renderer/src/probe.ts', "import { use } from 'echarts/core';\nexport {};\n")).toEqual([]);
  });
});
