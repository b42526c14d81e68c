import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  // Small buckets that refill slowly, so the test can empty them with a handful of requests.
  server = await startTestServer({
    demo: true,
    scheduler: false,
    rateLimits: { perCredential: { rate: 0.01, burst: 5 }, signIn: { rate: 0.01, burst: 3 }, anonymous: { rate: 0.01, burst: 4 } },
  });
});
afterAll(() => server.stop());

describe('rate limits', () => {
  it('answers 429 with Retry-After once a credential has used its burst, and leaves other credentials alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api(server.url, '/api/v1/system/info')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await fetch(`${server.url}/api/v1/system/info`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(limited.status).toBe(429);
    // One token comes back every 100 s at this rate.
    expect(limited.headers.get('retry-after')).toBe('100');
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    // Health is never limited.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('limits sign-in attempts per client, whatever the outcome', async () => {
    const attempt = () => api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'wrong password' } });
    expect([(await attempt()).status, (await attempt()).status, (await attempt()).status]).toEqual([401, 401, 401]);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    // The right password does not get through a limit that counts attempts.
    expect((await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'demo-dispatcher' } })).status).toBe(429);
  });
});
