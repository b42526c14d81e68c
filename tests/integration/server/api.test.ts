import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { METHOD_NAMES } from '../../../src/shared/contract';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe('sign-in and tokens', () => {
  it('logs in, tells who the caller is, and logs out', async () => {
    const login = await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'manager', password: 'demo-manager' } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ username: 'manager', role: 'manager' });
    expect(login.body.token).toMatch(/^dcr_s_/);
    const me = await api(server.url, '/api/v1/auth/me', { token: login.body.token });
    expect(me.body).toMatchObject({ kind: 'user', role: 'manager', scopes: [] });
    expect((await api(server.url, '/api/v1/auth/logout', { token: login.body.token, body: {} })).status).toBe(200);
    expect((await api(server.url, '/api/v1/auth/me', { token: login.body.token })).status).toBe(401);
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'manager', password: 'nope' } });
    const unknown = await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'ghost', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('stores secrets only as hashes', async () => {
    const created = await api(server.url, '/api/v1/api-keys', { body: { kind: 'display', name: 'Wall east' } });
    expect(created.status).toBe(201);
    const row = server.database.sqlite.prepare('SELECT secret_hash FROM api_keys WHERE id = ?').get(created.body.key.id) as { secret_hash: string };
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(server.database.sqlite.prepare('SELECT * FROM api_keys').all());
    expect(dump).not.toContain(created.body.secret);
    const users = JSON.stringify(server.database.sqlite.prepare('SELECT * FROM users').all());
    expect(users).not.toContain('demo-admin');
  });

  it('creates an integration key that works for its scope until revoked', async () => {
    const created = await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'Fleet GPS', scopes: ['telemetry:write'] } });
    const secret = created.body.secret as string;
    const ping = { lat: 52.37, lon: 4.9, at: Date.now() };
    const moved = await api(server.url, '/api/v1/technicians/tech_0001/position', { token: secret, body: ping });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ technicianId: 'tech_0001', ...ping, applied: true });
    const revoked = await api(server.url, `/api/v1/api-keys/${created.body.key.id}/revoke`, { body: {} });
    expect(revoked.body.revokedAt).toBeTypeOf('number');
    const refused = await api(server.url, '/api/v1/technicians/tech_0001/position', { token: secret, body: ping });
    expect(refused.status).toBe(401);
  });

  it('writes one hash-chained audit entry per change', async () => {
    const before = (server.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const created = await api(server.url, '/api/v1/users', { body: { username: 'night.shift', displayName: 'Night Shift', role: 'dispatcher', password: 'correct-horse-battery' } });
    expect(created.status).toBe(201);
    const entries = server.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 2').all() as any[];
    expect(before + 1).toBe((server.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);
    expect(entries[0]).toMatchObject({ action: 'user.created', entity_type: 'user', entity_id: created.body.id, actor_kind: 'apiKey' });
    expect(entries[0].prev_hash).toBe(entries[1].hash);
    expect(entries[0].after_json).not.toContain('correct-horse');
  });
});

describe('reference data', () => {
  it('lists the demo centre', async () => {
    const info = await api(server.url, '/api/v1/system/info');
    expect(info.body.demo).toBe(true);
    expect(info.body.counts.technicians).toBeGreaterThanOrEqual(45);
    const technicians = await api(server.url, '/api/v1/technicians');
    expect(technicians.body).toHaveLength(info.body.counts.technicians);
    expect(technicians.body[0].skills.length).toBeGreaterThan(0);
    const policies = await api(server.url, '/api/v1/sla-policies');
    expect(policies.body.map((p: { match: { priority: string | null } }) => p.match.priority)).toEqual(expect.arrayContaining(['P1', 'P2', 'P3', 'P4']));
  });

  it('pages customers with a cursor and never repeats one', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api(server.url, `/api/v1/customers?limit=60${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      for (const c of response.body.items) seen.add(c.id);
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor);
    const total = (server.database.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 60));
  });

  it('serves the same method over RPC and its REST alias', async () => {
    const rest = await api(server.url, '/api/v1/regions');
    const rpc = await api(server.url, '/api/v1/rpc/regions.list', { body: {} });
    expect(rpc.body).toEqual(rest.body);
    expect(rest.body.length).toBe(6);
  });
});

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document covering every contract method', async () => {
    const response = await api(server.url, '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(response.body));
    for (const name of METHOD_NAMES) expect(response.body.paths[`/api/v1/rpc/${name}`]?.post?.operationId).toBe(`rpc:${name}`);
    expect(response.body.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'displayName', 'role', 'password']),
    );
  });

  it('needs a token', async () => {
    expect((await api(server.url, '/api/v1/openapi.json', { token: null })).status).toBe(401);
  });
});

describe('live events', () => {
  it('streams a technician move to an authenticated socket, and closes an unauthenticated one', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events`);
    const messages: any[] = [];
    const ready = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        messages.push(message);
        if (message.type === 'ready') resolve();
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'auth', token: 'test-admin-token-0123456789' }));
    await ready;
    const moved = new Promise<any>((resolve) => socket.on('message', (d) => JSON.parse(d.toString()).type === 'event' && resolve(JSON.parse(d.toString()))));
    const at = Date.now();
    await api(server.url, '/api/v1/technicians/tech_0002/position', { body: { lat: 52.4, lon: 4.95, at } });
    expect(await moved).toEqual({ type: 'event', name: 'technician.moved', payload: { technicianId: 'tech_0002', lat: 52.4, lon: 4.95, at } });
    expect(messages[0]).toMatchObject({ type: 'ready', role: 'admin' });
    socket.close();

    const intruder = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events`);
    await new Promise((resolve) => intruder.once('open', resolve));
    intruder.send(JSON.stringify({ type: 'auth', token: 'dcr_k_forged' }));
    const [code] = await new Promise<[number]>((resolve) => intruder.once('close', (c) => resolve([c])));
    expect(code).toBe(4401);
  });
});
