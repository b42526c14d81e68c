import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let dispatcherToken: string;
let integrationKey: string;

beforeAll(async () => {
  server = await startTestServer();
  dispatcherToken = (await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'demo-dispatcher' } })).body.token;
  const created = await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'CRM', scopes: ['telemetry:write'] } });
  integrationKey = created.body.secret;
});
afterAll(async () => server.stop());

/** Every refused call must answer problem+json with the expected status and code, and write nothing anywhere. */
async function expectRefused(
  call: () => Promise<{ status: number; contentType: string; body: any }>,
  status: number,
  code: string,
): Promise<any> {
  const before = rowCounts(server);
  const response = await call();
  expect(response.status).toBe(status);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, code });
  expect(typeof response.body.detail).toBe('string');
  expect(rowCounts(server)).toEqual(before);
  return response.body;
}

describe('the contract boundary over HTTP', () => {
  it('answers health without a token', async () => {
    const response = await api(server.url, '/api/health', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version: '0.0.0-test' });
  });

  it('refuses a call without a token', async () => {
    await expectRefused(() => api(server.url, '/api/v1/technicians', { token: null }), 401, 'unauthenticated');
  });

  it('refuses an unknown token and a malformed Authorization header', async () => {
    await expectRefused(() => api(server.url, '/api/v1/technicians', { token: 'dcr_k_not-a-real-token-at-all' }), 401, 'unauthenticated');
    await expectRefused(
      () => api(server.url, '/api/v1/technicians', { token: null, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }),
      401,
      'unauthenticated',
    );
  });

  it('refuses an unknown method', async () => {
    const problem = await expectRefused(() => api(server.url, '/api/v1/rpc/workOrders.explode', { body: {} }), 404, 'unknown_method');
    expect(problem.detail).toContain('workOrders.explode');
  });

  it('refuses wrong types and names each field', async () => {
    const problem = await expectRefused(
      () => api(server.url, '/api/v1/users', { body: { username: 42, displayName: 'X', role: 'pilot', password: 'long-enough-pw' } }),
      400,
      'validation',
    );
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['role', 'username']);
  });

  it('refuses missing fields', async () => {
    const problem = await expectRefused(() => api(server.url, '/api/v1/users', { body: { username: 'newbie' } }), 400, 'validation');
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['displayName', 'password', 'role']);
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const problem = await expectRefused(
      () => api(server.url, '/api/v1/api-keys', { body: { kind: 'display', name: 'Wall 1', isAdmin: true } }),
      400,
      'validation',
    );
    expect(problem.errors).toEqual([{ path: 'isAdmin', message: 'unknown field' }]);
  });

  it('refuses out-of-range values', async () => {
    const problem = await expectRefused(
      () => api(server.url, '/api/v1/technicians/tech_0001/position', { body: { lat: 123, lon: 4.9, at: 1 } }),
      400,
      'validation',
    );
    expect(problem.errors[0].path).toBe('lat');
  });

  it('refuses invalid JSON, a JSON array body and a wrong content type', async () => {
    await expectRefused(() => api(server.url, '/api/v1/users', { rawBody: '{"username": "x",', headers: { 'content-type': 'application/json' } }), 400, 'bad_request');
    await expectRefused(() => api(server.url, '/api/v1/users', { body: [1, 2, 3] }), 400, 'validation');
    await expectRefused(() => api(server.url, '/api/v1/users', { rawBody: 'username=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
  });

  it('refuses an oversized body', async () => {
    const huge = { username: 'big', displayName: 'x'.repeat(1_100_000), role: 'dispatcher', password: 'long-enough-pw' };
    await expectRefused(() => api(server.url, '/api/v1/users', { body: huge }), 413, 'payload_too_large');
  });

  it('refuses the wrong role', async () => {
    const problem = await expectRefused(
      () => api(server.url, '/api/v1/users', { token: dispatcherToken, body: { username: 'sneaky', displayName: 'S', role: 'admin', password: 'long-enough-pw' } }),
      403,
      'forbidden',
    );
    expect(problem.detail).toContain('dispatcher');
  });

  it('refuses an API key without the method’s scope', async () => {
    const problem = await expectRefused(() => api(server.url, '/api/v1/technicians', { token: integrationKey }), 403, 'forbidden');
    expect(problem.detail).toContain('reference:read');
  });

  it('refuses a bad cursor with a field error', async () => {
    const problem = await expectRefused(() => api(server.url, '/api/v1/customers?cursor=garbage'), 400, 'validation');
    expect(problem.errors).toEqual([{ path: 'cursor', message: 'invalid cursor' }]);
  });

  it('answers unknown API routes with a problem, not HTML', async () => {
    await expectRefused(() => api(server.url, '/api/v1/nothing-here'), 404, 'not_found');
  });
});

describe('cross-origin requests', () => {
  it('are closed by default: no CORS grant on a preflight or a call from another origin, and the preflight writes nothing', async () => {
    const before = rowCounts(server);
    const preflight = await fetch(`${server.url}/api/v1/service-requests`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    // A browser would refuse to hand this response to the foreign page: nothing in it grants that origin.
    const call = await fetch(`${server.url}/api/v1/system/info`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${dispatcherToken}` } });
    expect(call.status).toBe(200);
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
    expect(call.headers.get('access-control-allow-credentials')).toBeNull();
    expect(rowCounts(server)).toEqual(before);
  });
});
