import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleLogger, silentLogger, systemClock, type Clock } from '../../../src/core';
import { startHeadless, type HeadlessServer } from '../../../src/server/headless';
import type { RateLimits } from '../../../src/server/rate-limit';
import type { TlsMaterial } from '../../../src/server/server';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer extends HeadlessServer {
  dataDir: string;
  stop(): Promise<void>;
}

/** A real server on a free loopback port over a real SQLite file in its own temporary folder. */
export async function startTestServer(opts: { demo?: boolean; clock?: Clock; webRoot?: string; scheduler?: boolean; rateLimits?: RateLimits; tls?: TlsMaterial } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dcr-test-'));
  const server = await startHeadless({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    demo: opts.demo ?? true,
    seed: 7,
    adminToken: ADMIN_TOKEN,
    clock: opts.clock ?? systemClock,
    logger: process.env.TEST_LOG ? consoleLogger : silentLogger,
    version: '0.0.0-test',
    webRoot: opts.webRoot,
    scheduler: opts.scheduler,
    rateLimits: opts.rateLimits,
    tls: opts.tls,
  });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse {
  status: number;
  contentType: string;
  body: any;
}

export async function api(
  base: string,
  path: string,
  init: { method?: string; token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? ADMIN_TOKEN : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, contentType, body: text && contentType.includes('json') ? JSON.parse(text) : text };
}

/** Rows in every table, so a test can prove a refused call wrote nothing anywhere. */
export function rowCounts(server: HeadlessServer): Record<string, number> {
  const tables = server.database.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (server.database.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}
