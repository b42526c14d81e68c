import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { raiseAlert } from '../../../src/core/alerts';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { startSmtpCapture, startWebhookReceiver } from './receivers';

/** The administration of alerting over HTTP: protocols, channels, SMTP, test messages; and `raiseAlert` for other engines. */
const clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let dispatcherToken: string;

beforeAll(async () => {
  [smtp, hook] = await Promise.all([startSmtpCapture(), startWebhookReceiver()]);
  server = await startTestServer({ clock, scheduler: false });
  dispatcherToken = (await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'demo-dispatcher' } })).body.token;
});
afterAll(async () => {
  await server?.core.alerts.settled();
  await Promise.all([server?.stop(), smtp?.close(), hook?.close()]);
});

const auditCount = (action: string) => (server.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

/** A refused call answers 400 problem+json naming the field, and writes nothing anywhere. */
async function expectInvalid(call: () => ReturnType<typeof api>, paths: string[]): Promise<void> {
  const before = rowCounts(server);
  const response = await call();
  expect(response.status).toBe(400);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body.code).toBe('validation');
  expect(response.body.errors.map((e: any) => e.path)).toEqual(paths);
  expect(rowCounts(server)).toEqual(before);
}

const LEVEL = { level: 1, threshold: { kind: 'due_offset', offsetSeconds: -1800 }, notify: ['dispatcher'], channels: ['in_app'], ackTimeoutSeconds: 600 };

describe('escalation protocols', () => {
  it('lists the demo protocol with the policies using it', async () => {
    const list = await api(server.url, '/api/v1/escalation-protocols');
    expect(list.body.map((p: any) => [p.name, p.levels.map((l: any) => l.level), p.usedBy.length])).toEqual([['Standard escalation', [1, 2, 3], 5]]);
  });

  it('refuses invalid levels naming the field, and writes nothing', async () => {
    const create = (levels: unknown) => () => api(server.url, '/api/v1/escalation-protocols', { body: { name: 'Night desk', levels } });
    await expectInvalid(create([{ ...LEVEL, threshold: { kind: 'percent', percent: -5 } }]), ['levels.0.threshold.percent']);
    await expectInvalid(create([{ ...LEVEL, notify: ['technician'] }]), ['levels.0.notify.0']);
    await expectInvalid(create([{ ...LEVEL, channels: ['pager'] }]), ['levels.0.channels.0']);
    await expectInvalid(create([LEVEL, { ...LEVEL, level: 3 }]), ['levels.1.level']);
    await expectInvalid(create([]), ['levels']);
  });

  it('creates and updates a protocol, each change audited once; a taken name is a conflict', async () => {
    const created = await api(server.url, '/api/v1/escalation-protocols', { body: { name: 'Night desk', levels: [LEVEL] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Night desk', levels: [LEVEL], usedBy: [] });
    const taken = await api(server.url, '/api/v1/escalation-protocols', { body: { name: 'Standard escalation', levels: [LEVEL] } });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ path: 'name', message: 'already taken' }]]);
    const levels = [LEVEL, { ...LEVEL, level: 2, threshold: { kind: 'percent', percent: 110 }, repeatEverySeconds: 900 }];
    const updated = await api(server.url, `/api/v1/escalation-protocols/${created.body.id}`, { method: 'PATCH', body: { levels } });
    expect(updated.status).toBe(200);
    expect(updated.body.levels).toEqual(levels);
    expect([auditCount('escalationProtocol.created'), auditCount('escalationProtocol.updated')]).toEqual([1, 1]);
    expect((await api(server.url, '/api/v1/escalation-protocols/esc_nope', { method: 'PATCH', body: { name: 'X' } })).status).toBe(404);
  });
});

describe('alert channels', () => {
  it('refuses a bad URL or e-mail address naming the field, and writes nothing', async () => {
    const create = (body: unknown) => () => api(server.url, '/api/v1/alert-channels', { body });
    await expectInvalid(create({ kind: 'webhook', name: 'Hook', target: 'ftp://example.com/x', roles: ['manager'] }), ['target']);
    await expectInvalid(create({ kind: 'webhook', name: 'Hook', target: 'not a url', roles: ['manager'] }), ['target']);
    await expectInvalid(create({ kind: 'email', name: 'Mail', target: 'managers-at-example.test', roles: ['manager'] }), ['target']);
    await expectInvalid(create({ kind: 'webhook', name: 'Hook', target: hook.url, secret: 'short', roles: ['manager'] }), ['secret']);
    await expectInvalid(create({ kind: 'email', name: 'Mail', target: 'a@example.test', roles: [] }), ['roles']);
  });

  it('refuses an update whose target does not suit the channel, and changes nothing', async () => {
    const mail = (await api(server.url, '/api/v1/alert-channels', { body: { kind: 'email', name: 'Desk', target: 'desk@example.test', roles: ['dispatcher'] } })).body;
    const update = (body: unknown) => () => api(server.url, `/api/v1/alert-channels/${mail.id}`, { method: 'PATCH', body });
    await expectInvalid(update({ target: hook.url }), ['target']);
    await expectInvalid(update({ secret: 'a-long-enough-secret-value' }), ['secret']);
    expect((await api(server.url, '/api/v1/alert-channels')).body.find((c: any) => c.id === mail.id)).toMatchObject({ target: 'desk@example.test', updatedAt: mail.updatedAt });
    const renamed = await api(server.url, `/api/v1/alert-channels/${mail.id}`, { method: 'PATCH', body: { target: 'night-desk@example.test', active: false } });
    expect(renamed.body).toMatchObject({ target: 'night-desk@example.test', active: false });
    const deleted = await api(server.url, `/api/v1/alert-channels/${mail.id}`, { method: 'DELETE' });
    expect(deleted.body).toEqual({ id: mail.id, deleted: true });
    expect([auditCount('alertChannel.created'), auditCount('alertChannel.updated'), auditCount('alertChannel.deleted')]).toEqual([1, 1, 1]);
  });

  it('is for administrators only', async () => {
    expect((await api(server.url, '/api/v1/alert-channels', { token: dispatcherToken })).status).toBe(403);
    expect((await api(server.url, '/api/v1/settings/smtp', { token: dispatcherToken })).status).toBe(403);
    expect((await api(server.url, '/api/v1/alerts', { token: dispatcherToken })).status).toBe(200);
  });
});

describe('SMTP settings', () => {
  it('names a bad sender address, keeps the password when omitted, and never returns it', async () => {
    const put = (body: unknown) => api(server.url, '/api/v1/settings/smtp', { method: 'PUT', body });
    const base = { host: '127.0.0.1', port: smtp.port, secure: false, from: 'dispatch@example.test' };
    await expectInvalid(() => put({ ...base, from: 'dispatch' }), ['from']);
    await expectInvalid(() => put({ ...base, port: 70_000 }), ['port']);
    expect((await put({ ...base, user: 'dispatch', password: 'app-password' })).body).toMatchObject({ user: 'dispatch', hasPassword: true });
    expect((await put({ ...base, user: 'dispatch' })).body.hasPassword).toBe(true);
    const read = await api(server.url, '/api/v1/settings/smtp');
    expect(JSON.stringify(read.body)).not.toContain('app-password');
    expect((await put({ ...base, password: null })).body).toEqual({ configured: true, ...base, user: null, hasPassword: false });
  });
});

describe('test messages', () => {
  it('sends one through each channel and reports what happened', async () => {
    const secret = 'test-hook-secret-0123456789abcdef';
    const webhook = (await api(server.url, '/api/v1/alert-channels', { body: { kind: 'webhook', name: 'Ops', target: hook.url, secret, roles: ['manager'] } })).body;
    const tested = await api(server.url, `/api/v1/alert-channels/${webhook.id}/test`, { body: {} });
    expect(tested.body).toMatchObject({ channel: 'webhook', target: hook.url, status: 'sent', response: 'HTTP 200 ok', error: null });
    const { body, headers } = hook.requests.at(-1)!;
    expect(JSON.parse(body)).toEqual({ type: 'test', channel: { id: webhook.id, name: 'Ops' }, sentAt: clock.now() });
    expect(headers['x-dispatch-signature']).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);

    const mail = (await api(server.url, '/api/v1/alert-channels', { body: { kind: 'email', name: 'Managers', target: 'managers@example.test', roles: ['manager'] } })).body;
    const mailed = await api(server.url, `/api/v1/alert-channels/${mail.id}/test`, { body: {} });
    expect(mailed.body).toMatchObject({ channel: 'email', status: 'sent', error: null });
    expect(smtp.messages.at(-1)).toMatchObject({ to: ['managers@example.test'], subject: '[Dispatch] Test message' });

    const closed = await startWebhookReceiver();
    await closed.close();
    const dead = (await api(server.url, '/api/v1/alert-channels', { body: { kind: 'webhook', name: 'Gone', target: closed.url, roles: ['admin'] } })).body;
    const failed = await api(server.url, `/api/v1/alert-channels/${dead.id}/test`, { body: {} });
    expect(failed.body).toMatchObject({ status: 'failed', response: null });
    expect(failed.body.error).toMatch(/ECONNREFUSED/);
    expect(auditCount('alertChannel.tested')).toBe(3);
  });
});

describe('raiseAlert for engines outside escalation', () => {
  it('stores a non-clock alert once per dedupe key and delivers it to the channels of its roles', async () => {
    const mailsBefore = smtp.messages.length;
    const input = {
      kind: 'anomaly', severity: 'warning' as const, dedupeKey: 'anomaly:arrivals:north:2026-03-02T09', title: 'Arrivals per hour unusual in North',
      message: 'EWMA (λ = 0.3, L = 3): 14 arrivals against an expected 6 ± 2.', notifyRoles: ['manager' as const], channels: ['in_app' as const, 'email' as const],
      data: { method: 'ewma', lambda: 0.3 },
    };
    const alert = await raiseAlert(server.core.deps, input);
    expect(alert).toMatchObject({ kind: 'anomaly', level: 0, orderId: null, clockId: null, percentElapsed: null, notifyRoles: ['manager'], data: { method: 'ewma', lambda: 0.3 } });
    expect(await raiseAlert(server.core.deps, input)).toBeNull();
    await server.core.alerts.settled();
    expect(smtp.messages.slice(mailsBefore).map((m) => [m.to, m.subject])).toEqual([[['managers@example.test'], '[Dispatch] Arrivals per hour unusual in North']]);
    const listed = (await api(server.url, '/api/v1/alerts?status=open')).body.items;
    expect(listed.map((a: any) => [a.kind, a.deliveries])).toEqual([['anomaly', { total: 2, pending: 0, sent: 2, failed: 0, dead: 0 }]]);
  });
});
