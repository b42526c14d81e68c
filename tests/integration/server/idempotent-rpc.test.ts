import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

interface RpcAnswer {
  status: number;
  replayed: string | null;
  body: any;
}

async function rpc(method: string, input: unknown, key?: string): Promise<RpcAnswer> {
  const response = await fetch(`${server.url}/api/v1/rpc/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(input),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.json() };
}

let ordersMade = 0;
/** A fresh order for each case, so cases do not depend on the demo's own orders or on each other. */
async function openOrder(): Promise<{ id: string; version: number }> {
  const customers = await rpc('customers.list', { limit: 1 });
  const customer = customers.body.items[0];
  ordersMade += 1;
  const made = await rpc('serviceRequests.create', {
    idempotencyKey: `idempotent-rpc-order-${ordersMade}`,
    categoryCode: 'LEAK',
    priority: 'P4',
    description: 'Dripping tap in the staff kitchen',
    customer: { id: customer.id },
    site: { id: customer.sites[0].id },
  });
  expect(made.status).toBe(200);
  return { id: made.body.id, version: made.body.version };
}

const cancelEvents = (orderId: string): number =>
  server.database.sqlite.prepare("SELECT count(*) FROM work_order_events WHERE work_order_id = ? AND to_status = 'cancelled'").pluck().get(orderId) as number;

describe('mutating RPC calls with an Idempotency-Key', () => {
  it('applies a change once and answers a retry with the first answer', async () => {
    const order = await openOrder();
    const input = { id: order.id, version: order.version, reason: 'Customer withdrew the request' };
    const first = await rpc('workOrders.cancel', input, 'retry-key-0001');
    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    expect(first.body.status).toBe('cancelled');

    const retry = await rpc('workOrders.cancel', input, 'retry-key-0001');
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(cancelEvents(order.id)).toBe(1);

    // Without the key the same call is a second attempt on an old version: refused, not applied twice.
    const withoutKey = await rpc('workOrders.cancel', input);
    expect(withoutKey.status).toBe(409);
    expect(cancelEvents(order.id)).toBe(1);
  });

  it('refuses the same key for a different call with a 409 naming the header, changing nothing', async () => {
    const order = await openOrder();
    const first = await rpc('workOrders.cancel', { id: order.id, version: order.version, reason: 'Duplicate of another order' }, 'reused-key-0002');
    expect(first.status).toBe(200);
    const other = await openOrder();
    const before = rowCounts(server);
    const reused = await rpc('workOrders.cancel', { id: other.id, version: other.version, reason: 'Duplicate of another order' }, 'reused-key-0002');
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'conflict', errors: [{ path: 'Idempotency-Key', message: 'reused for a different request' }] });
    expect(rowCounts(server)).toEqual(before);
  });

  it('runs two racing copies of one call once', async () => {
    const order = await openOrder();
    const input = { id: order.id, version: order.version, reason: 'Site closed for works' };
    const [a, b] = await Promise.all([rpc('workOrders.cancel', input, 'race-key-0003'), rpc('workOrders.cancel', input, 'race-key-0003')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect([a.replayed, b.replayed].sort()).toEqual([null, 'true'].sort());
    expect(cancelEvents(order.id)).toBe(1);
  });

  it('refuses a malformed key before doing anything, and stores nothing for reads or failures', async () => {
    const order = await openOrder();
    const before = rowCounts(server);
    const malformed = await rpc('workOrders.cancel', { id: order.id, version: order.version, reason: 'Too short a key' }, 'short');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ path: 'Idempotency-Key', message: 'invalid key' }]);
    const read = await rpc('workOrders.list', { limit: 1 }, 'read-key-0004');
    expect(read.status).toBe(200);
    const stale = await rpc('workOrders.cancel', { id: order.id, version: order.version + 5, reason: 'Stale version' }, 'stale-key-0005');
    expect(stale.status).toBe(409);
    expect(rowCounts(server)).toEqual(before);
    // The failed call stored nothing, so the same key may carry the corrected call.
    const corrected = await rpc('workOrders.cancel', { id: order.id, version: order.version, reason: 'Stale version' }, 'stale-key-0005');
    expect(corrected.status).toBe(200);
  });
});

describe('REST changes with an Idempotency-Key', () => {
  it('applies the same rule as RPC, and documents the header on every change but intake (which reads it as its own field)', async () => {
    const order = await openOrder();
    const send = () =>
      fetch(`${server.url}/api/v1/work-orders/${order.id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'rest-key-0006' },
        body: JSON.stringify({ version: order.version, reason: 'Cancelled by the integration' }),
      });
    const first = await send();
    const retry = await send();
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(cancelEvents(order.id)).toBe(1);

    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    const headerNames = (op: { parameters?: { in: string; name: string }[] }) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
    expect(headerNames(openapi.paths['/api/v1/work-orders/{id}/cancel'].post)).toEqual(['Idempotency-Key']);
    expect(headerNames(openapi.paths['/api/v1/rpc/workOrders.cancel'].post)).toEqual(['Idempotency-Key']);
    expect(headerNames(openapi.paths['/api/v1/service-requests'].post)).toEqual(['idempotency-key']);
    expect(headerNames(openapi.paths['/api/v1/rpc/workOrders.list'].post)).toEqual([]);
  });
});
