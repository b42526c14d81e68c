import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { auditHead, auditSince } from './admin-fixture';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ scheduler: false });
});
afterAll(async () => server.stop());

const login = (username: string, password: string) => api(server.url, '/api/v1/auth/login', { token: null, body: { username, password } });
const me = (token: string) => api(server.url, '/api/v1/auth/me', { token });

describe('users', () => {
  let user: any;

  it('creates a user, then changes display name and role, with before and after in the audit', async () => {
    const created = await api(server.url, '/api/v1/users', { body: { username: 'noor', displayName: 'Noor', role: 'dispatcher', password: 'first-password' } });
    expect(created.status).toBe(201);
    user = created.body;
    const seq = auditHead(server);
    const updated = await api(server.url, `/api/v1/users/${user.id}`, { method: 'PATCH', body: { displayName: 'Noor Visser', role: 'manager' } });
    expect(updated.body).toEqual({ ...user, displayName: 'Noor Visser', role: 'manager' });
    expect((await api(server.url, '/api/v1/users')).body).toContainEqual(updated.body);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'user.updated', entityType: 'user', entityId: user.id, before: user, after: updated.body }]);
    const session = (await login('noor', 'first-password')).body.token;
    expect((await me(session)).body.role).toBe('manager');
  });

  it('resets a password: the old one and every open session stop working, the audit holds no secret', async () => {
    const session = (await login('noor', 'first-password')).body.token;
    const seq = auditHead(server);
    const reset = await api(server.url, `/api/v1/users/${user.id}/reset-password`, { body: { password: 'second-password' } });
    expect(reset.status).toBe(200);
    expect((await me(session)).status).toBe(401);
    expect((await login('noor', 'first-password')).status).toBe(401);
    expect((await login('noor', 'second-password')).status).toBe(200);
    const audit = auditSince(server, seq);
    expect(audit).toMatchObject([{ action: 'user.passwordReset', entityId: user.id, before: undefined, after: { username: 'noor', passwordReset: true, sessionsEnded: 2 } }]);
    expect(JSON.stringify(audit)).not.toContain('second-password');
    const short = await api(server.url, `/api/v1/users/${user.id}/reset-password`, { body: { password: 'short' } });
    expect([short.status, short.body.errors]).toEqual([400, [{ path: 'password', message: 'at least 8 characters' }]]);
  });

  it('deactivates a user: sessions end and sign-in is refused', async () => {
    const session = (await login('noor', 'second-password')).body.token;
    const off = await api(server.url, `/api/v1/users/${user.id}`, { method: 'PATCH', body: { active: false } });
    expect(off.body.active).toBe(false);
    expect((await me(session)).status).toBe(401);
    expect((await login('noor', 'second-password')).status).toBe(401);
  });

  it('keeps an admin from locking themself out, answers 404 for an unknown user, 400 for an unknown technician', async () => {
    const admin = (await login('admin', 'demo-admin')).body;
    const self = await api(server.url, `/api/v1/users/${admin.user.id}`, { token: admin.token, method: 'PATCH', body: { role: 'dispatcher' } });
    expect([self.status, self.body.errors]).toEqual([409, [{ path: 'role', message: 'not on your own account' }]]);
    const counts = rowCounts(server);
    expect((await api(server.url, '/api/v1/users/usr_nope', { method: 'PATCH', body: { active: false } })).status).toBe(404);
    const tech = await api(server.url, `/api/v1/users/${user.id}`, { method: 'PATCH', body: { technicianId: 'tech_nope' } });
    expect([tech.status, tech.body.errors]).toEqual([400, [{ path: 'technicianId', message: 'unknown technician' }]]);
    const role = await api(server.url, `/api/v1/users/${user.id}`, { method: 'PATCH', body: { role: 'root' } });
    expect([role.status, role.body.errors[0].path]).toEqual([400, 'role']);
    const username = await api(server.url, '/api/v1/users', { body: { username: 'noor', displayName: 'N', role: 'manager', password: 'password-1' } });
    expect([username.status, username.body.errors]).toEqual([409, [{ path: 'username', message: 'already taken' }]]);
    expect(rowCounts(server)).toEqual(counts);
  });
});

describe('API keys', () => {
  it('returns the secret once on creation, lists the key without it, and refuses it after revocation', async () => {
    const created = await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'CRM', scopes: ['reference:read'] } });
    expect(created.status).toBe(201);
    const { key, secret } = created.body;
    expect(secret).toMatch(/^dcr_k_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const listed = (await api(server.url, '/api/v1/api-keys')).body.find((k: any) => k.id === key.id);
    expect(listed).toEqual(key);
    expect(listed.lastUsedAt).toBeNull();
    expect(JSON.stringify((await api(server.url, '/api/v1/api-keys')).body)).not.toContain(secret);
    const before = Date.now();
    expect((await api(server.url, '/api/v1/skills', { token: secret })).status).toBe(200);
    // Its use shows in the list (written at most once a minute, so a second use does not move it).
    const used = (await api(server.url, '/api/v1/api-keys')).body.find((k: any) => k.id === key.id);
    expect(used.lastUsedAt).toBeGreaterThanOrEqual(before);
    await api(server.url, '/api/v1/skills', { token: secret });
    expect((await api(server.url, '/api/v1/api-keys')).body.find((k: any) => k.id === key.id).lastUsedAt).toBe(used.lastUsedAt);
    const seq = auditHead(server);
    const revoked = await api(server.url, `/api/v1/api-keys/${key.id}/revoke`, { body: {} });
    expect(revoked.body.revokedAt).toEqual(expect.any(Number));
    expect((await api(server.url, '/api/v1/skills', { token: secret })).status).toBe(401);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'apiKey.revoked', entityId: key.id, before: { revokedAt: null }, after: { revokedAt: revoked.body.revokedAt } }]);
    // Revoking again changes nothing and records nothing.
    await api(server.url, `/api/v1/api-keys/${key.id}/revoke`, { body: {} });
    expect(auditSince(server, seq)).toHaveLength(1);
    expect((await api(server.url, '/api/v1/api-keys/key_nope/revoke', { body: {} })).status).toBe(404);
  });
});
