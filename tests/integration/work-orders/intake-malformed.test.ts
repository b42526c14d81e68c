import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let key: string;
let wrongScopeKey: string;
let revokedKey: string;

const valid = () => ({
  idempotencyKey: `bad-${Math.random()}`,
  categoryCode: 'LEAK',
  description: 'Leak under the sink.',
  customer: { externalId: 'MAL-1', name: 'Malformed Ltd' },
  site: { externalId: 'MAL-1-A', name: 'Main', address: 'Straat 1', lat: 52.37, lon: 4.9 },
});
const without = (obj: Record<string, unknown>, field: string) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== field));

beforeAll(async () => {
  server = await startTestServer({ scheduler: false });
  key = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'CRM', scopes: ['requests:write'] } })).body.secret;
  wrongScopeKey = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'GPS', scopes: ['telemetry:write'] } })).body.secret;
  const revoked = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'Old', scopes: ['requests:write'] } })).body;
  await api(server.url, `/api/v1/api-keys/${revoked.key.id}/revoke`, { body: {} });
  revokedKey = revoked.secret;
});
afterAll(async () => server.stop());

interface Case {
  name: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  token?: string | null;
  status: number;
  code: string;
  /** The field the problem must name (absent for whole-request errors). */
  path?: string;
}

const CASES: Case[] = [
  { name: 'broken JSON', raw: '{"categoryCode": "LEAK",', status: 400, code: 'bad_request' },
  { name: 'empty JSON body', raw: '', contentType: 'application/json', status: 400, code: 'bad_request' },
  { name: 'a JSON array', body: [valid()], status: 400, code: 'validation', path: '' },
  { name: 'a JSON string', raw: '"hello"', status: 400, code: 'validation', path: '' },
  { name: 'text/plain', raw: 'categoryCode=LEAK', contentType: 'text/plain', status: 415, code: 'unsupported_media_type' },
  { name: 'form encoded', raw: 'categoryCode=LEAK', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
  { name: 'missing idempotency key', body: without(valid(), 'idempotencyKey'), status: 400, code: 'validation', path: 'idempotencyKey' },
  { name: 'missing category', body: without(valid(), 'categoryCode'), status: 400, code: 'validation', path: 'categoryCode' },
  { name: 'missing description', body: without(valid(), 'description'), status: 400, code: 'validation', path: 'description' },
  { name: 'missing customer', body: without(valid(), 'customer'), status: 400, code: 'validation', path: 'customer' },
  { name: 'missing site', body: without(valid(), 'site'), status: 400, code: 'validation', path: 'site' },
  { name: 'empty description', body: { ...valid(), description: '   ' }, status: 400, code: 'validation', path: 'description' },
  { name: 'description as number', body: { ...valid(), description: 42 }, status: 400, code: 'validation', path: 'description' },
  { name: 'unknown priority', body: { ...valid(), priority: 'P9' }, status: 400, code: 'validation', path: 'priority' },
  { name: 'unknown channel', body: { ...valid(), channel: 'fax' }, status: 400, code: 'validation', path: 'channel' },
  { name: 'unknown category', body: { ...valid(), categoryCode: 'TIME-TRAVEL' }, status: 400, code: 'validation', path: 'categoryCode' },
  { name: 'latitude out of range', body: { ...valid(), site: { ...valid().site, lat: 91 } }, status: 400, code: 'validation', path: 'site.lat' },
  { name: 'longitude out of range', body: { ...valid(), site: { ...valid().site, lon: -181 } }, status: 400, code: 'validation', path: 'site.lon' },
  { name: 'latitude as string', body: { ...valid(), site: { ...valid().site, lat: '52.1' } }, status: 400, code: 'validation', path: 'site.lat' },
  { name: 'inline site without coordinates', body: { ...valid(), site: { name: 'X', address: 'Y' } }, status: 400, code: 'validation', path: 'site.lat' },
  { name: 'unknown site id', body: { ...valid(), site: { id: 'site_missing' } }, status: 400, code: 'validation', path: 'site.id' },
  { name: 'unknown customer id', body: { ...valid(), customer: { id: 'cus_missing' } }, status: 400, code: 'validation', path: 'customer.id' },
  { name: 'customer with nothing to go on', body: { ...valid(), customer: {} }, status: 400, code: 'validation', path: 'customer' },
  { name: 'receivedAt not a date', body: { ...valid(), receivedAt: 'yesterday' }, status: 400, code: 'validation', path: 'receivedAt' },
  { name: 'receivedAt in the future', body: { ...valid(), receivedAt: '2099-01-01T00:00:00Z' }, status: 400, code: 'validation', path: 'receivedAt' },
  { name: 'window ending before it starts', body: { ...valid(), requestedWindow: { start: '2026-12-01T10:00:00Z', end: '2026-12-01T09:00:00Z' } }, status: 400, code: 'validation', path: 'requestedWindow.end' },
  { name: 'unknown top-level field', body: { ...valid(), urgent: true }, status: 400, code: 'validation', path: 'urgent' },
  { name: 'bad contact e-mail', body: { ...valid(), contact: { name: 'A', email: 'not-an-email' } }, status: 400, code: 'validation', path: 'contact.email' },
  { name: 'a 1 MB body', body: { ...valid(), description: 'x'.repeat(1024 * 1024) }, status: 413, code: 'payload_too_large' },
  { name: 'no token', body: valid(), token: null, status: 401, code: 'unauthenticated' },
  { name: 'an unknown key', body: valid(), token: 'dcr_k_thisKeyWasNeverIssuedAtAll0000000000', status: 401, code: 'unauthenticated' },
  { name: 'a revoked key', body: valid(), token: 'REVOKED', status: 401, code: 'unauthenticated' },
  { name: 'a key without requests:write', body: valid(), token: 'WRONG_SCOPE', status: 403, code: 'forbidden' },
  { name: 'NDJSON with 1,001 lines', raw: Array.from({ length: 1001 }, () => JSON.stringify(valid())).join('\n'), contentType: 'application/x-ndjson', status: 413, code: 'payload_too_large' },
  { name: 'empty NDJSON', raw: '\n\n', contentType: 'application/x-ndjson', status: 400, code: 'validation' },
];

describe('malformed intake is refused clearly and writes nothing', () => {
  it(`covers ${CASES.length} cases`, () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES)('$name → $status $code', async (c) => {
    const token = c.token === 'REVOKED' ? revokedKey : c.token === 'WRONG_SCOPE' ? wrongScopeKey : c.token === undefined ? key : c.token;
    const before = rowCounts(server);
    const response = await api(server.url, '/api/v1/service-requests', {
      token,
      ...(c.raw !== undefined ? { rawBody: c.raw, headers: { 'content-type': c.contentType ?? 'application/json' } } : { body: c.body }),
    });
    expect(response.status).toBe(c.status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: c.status, code: c.code });
    if (c.path !== undefined) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(c.path);
    expect(rowCounts(server)).toEqual(before);
  });
});
