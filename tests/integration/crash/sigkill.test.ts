import BetterSqlite3 from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/core/audit/audit-log';
import type { Database } from '../../../src/core/db/schema';

const ADMIN_TOKEN = 'crash-admin-token-0123456789';
const KILLS = 20;
const CLIENTS = 8;
const dataDir = mkdtempSync(join(tmpdir(), 'dcr-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** mulberry32: the kill instants are random but the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-server.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DISPATCH_ADMIN_TOKEN: ADMIN_TOKEN },
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before serving`)));
  });
  return { url, child };
}

interface Acked {
  key: string;
  orderId: string;
  number: string;
  dues: Record<string, number>;
}

/** Posts requests from CLIENTS loops until the server dies; keeps every request answered 2xx with what it said. */
async function loadUntilDead(url: string, sites: { customerId: string; siteId: string }[], round: number, acked: Acked[]): Promise<number> {
  let sent = 0;
  let alive = true;
  const client = async (c: number) => {
    for (let n = 0; alive; n++) {
      const key = `crash-${round}-${c}-${n}`;
      const site = sites[(c * 31 + n) % sites.length]!;
      sent++;
      try {
        const response = await fetch(`${url}/api/v1/service-requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ idempotencyKey: key, categoryCode: 'LEAK', description: `Crash round ${round}, request ${n}`, customer: { id: site.customerId }, site: { id: site.siteId } }),
        });
        const body = (await response.json()) as { id: string; number: string; sla: { targets: { metric: string; dueAt: number | null }[] } };
        if (response.status === 201 || response.status === 200) {
          acked.push({ key, orderId: body.id, number: body.number, dues: Object.fromEntries(body.sla.targets.map((s) => [s.metric, s.dueAt!])) });
        }
      } catch {
        alive = false; // the connection died with the server: this request may or may not have been stored
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  return sent;
}

function inspectStore(acked: Acked[]) {
  const sqlite = new BetterSqlite3(join(dataDir, 'dispatch.db'));
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    const stored = new Map<string, { n: number; orderId: string }>();
    for (const row of sqlite.prepare('select idempotency_key as key, count(*) as n, max(work_order_id) as orderId from service_requests group by idempotency_key').all() as { key: string; n: number; orderId: string }[]) {
      stored.set(row.key, row);
    }
    const dueOf = sqlite.prepare('select metric, due_at from sla_clocks where work_order_id = ?');
    const orderNumber = sqlite.prepare('select number from work_orders where id = ?');
    const problems: string[] = [];
    for (const a of acked) {
      const s = stored.get(a.key);
      if (!s || s.n !== 1 || s.orderId !== a.orderId) problems.push(`${a.key}: ${s ? `${s.n} rows for ${s.orderId}` : 'missing'}`);
      else if ((orderNumber.get(a.orderId) as { number: string } | undefined)?.number !== a.number) problems.push(`${a.key}: order ${a.orderId} missing`);
      else {
        const dues = Object.fromEntries((dueOf.all(a.orderId) as { metric: string; due_at: number }[]).map((r) => [r.metric, r.due_at]));
        if (JSON.stringify(dues) !== JSON.stringify(Object.fromEntries(Object.entries(a.dues).sort()))) problems.push(`${a.key}: clocks ${JSON.stringify(dues)}`);
      }
    }
    return { integrity, problems, orders: (sqlite.prepare('select count(*) as n from work_orders').get() as { n: number }).n };
  } finally {
    sqlite.close();
  }
}

async function auditVerifies(): Promise<boolean> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dataDir, 'dispatch.db'), { readonly: true }) }) });
  try {
    return (await verifyAuditChain(db)).ok;
  } finally {
    await db.destroy();
  }
}

describe('crash safety under intake load', () => {
  it(`keeps every acknowledged request exactly once across ${KILLS} SIGKILLs, with a sound store and audit chain`, async () => {
    const random = prng(20261125);
    const acked: Acked[] = [];
    let sentTotal = 0;
    for (let round = 0; round < KILLS; round++) {
      const { url, child } = await startServer();
      if (round > 0) {
        // Clocks resume: an order acknowledged before the last kill still has its clocks running to the same due.
        const sample = acked[Math.floor(random() * acked.length)]!;
        const order = await (await fetch(`${url}/api/v1/work-orders/${sample.orderId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
        expect(Object.fromEntries(order.sla.targets.map((s: { metric: string; dueAt: number }) => [s.metric, s.dueAt]))).toEqual(sample.dues);
        expect(order.sla.targets.every((s: { state: string }) => s.state === 'running')).toBe(true);
      }
      const customers = await (await fetch(`${url}/api/v1/customers?limit=50`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
      const sites = customers.items.flatMap((c: { id: string; sites: { id: string }[] }) => c.sites.map((s) => ({ customerId: c.id, siteId: s.id })));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      setTimeout(() => child.kill('SIGKILL'), 150 + Math.floor(random() * 750));
      sentTotal += await loadUntilDead(url, sites, round, acked);
      await exited;

      const store = inspectStore(acked);
      expect(store.integrity).toBe('ok');
      expect(store.problems).toEqual([]);
      expect(await auditVerifies()).toBe(true);
    }
    // The load was real: many requests answered and many cut off by the kills.
    expect(acked.length).toBeGreaterThan(KILLS * 10);
    expect(sentTotal).toBeGreaterThan(acked.length);
  }, 240_000);
});
