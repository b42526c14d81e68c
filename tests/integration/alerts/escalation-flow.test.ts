import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';
import { startSmtpCapture, startWebhookReceiver } from './receivers';

/**
 * An unattended P1 order escalates over real HTTP, a real SMTP server and real webhook receivers.
 *
 * Demo policy "P1 critical (24x7)": response 30 min, so business time is wall time. The order is received Mon
 * 2026-03-02 09:00:00Z (T0); the demo's "Standard escalation" protocol then gives, for the response clock:
 *   level 1 at 75 % = 1350 s → 09:22:30 (in-app, desktop; dispatcher)
 *   level 2 at 90 % = 1620 s → 09:27:00 (in-app, desktop, e-mail; dispatcher, manager)
 *   level 3 at due (offset 0) = 1800 s → 09:30:00 (in-app, e-mail, webhook; manager), repeating every 30 min.
 * The arrival clock (2 h) reaches its 75 % (level 1) at 5400 s → 10:30:00.
 * A webhook failing with 500 is retried after 30 s, 1 min, 2 min and 4 min: 09:30:00, :30:30, :31:30, :33:30,
 * :37:30, and the fifth failure is dead.
 */
const T0 = Date.parse('2026-03-02T09:00:00Z');
const clock = new ManualClock(T0);
const OPS_SECRET = 'ops-hook-secret-0123456789abcdef';
const hmac = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let opsHook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let flakyHook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let flakySecret: string;
let order: any;
const events: { name: string; payload: any }[] = [];

/** Moves the virtual clock to T0 + `seconds`, runs the scheduled jobs and waits for the deliveries they started. */
async function at(seconds: number): Promise<void> {
  clock.set(T0 + seconds * 1000);
  await server.core.runScheduledJobs();
  await server.core.alerts.settled();
}
const alerts = async (query = '') => (await api(server.url, `/api/v1/alerts${query}`)).body.items as any[];
const brief = (list: any[]) => list.map((a) => [a.metric, a.level, a.severity, new Date(a.raisedAt).toISOString(), a.late]);

beforeAll(async () => {
  [smtp, opsHook, flakyHook] = await Promise.all([startSmtpCapture(), startWebhookReceiver(), startWebhookReceiver(5)]);
  server = await startTestServer({ clock, scheduler: false });
  server.core.bus.subscribe((name, payload) => {
    if (name.startsWith('alert.')) events.push({ name, payload });
  });
});
afterAll(async () => {
  await server?.core.alerts.settled();
  await Promise.all([server?.stop(), smtp?.close(), opsHook?.close(), flakyHook?.close()]);
});

describe('setting up the channels', () => {
  it('stores the SMTP server and the channels, never showing a password or a secret again', async () => {
    const set = await api(server.url, '/api/v1/settings/smtp', {
      method: 'PUT',
      body: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'dispatch@example.test', user: null, password: null },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ configured: true, host: '127.0.0.1', port: smtp.port, secure: false, from: 'dispatch@example.test', user: null, hasPassword: false });

    const email = await api(server.url, '/api/v1/alert-channels', { body: { kind: 'email', name: 'Service managers', target: 'managers@example.test', roles: ['manager'] } });
    expect(email.status).toBe(201);
    expect(email.body).toMatchObject({ kind: 'email', target: 'managers@example.test', hasSecret: false, roles: ['manager'], active: true });
    const ops = await api(server.url, '/api/v1/alert-channels', { body: { kind: 'webhook', name: 'Ops chat', target: opsHook.url, secret: OPS_SECRET, roles: ['manager'] } });
    expect(ops.status).toBe(201);
    expect(ops.body.secret).toBeUndefined();
    const flaky = await api(server.url, '/api/v1/alert-channels', { body: { kind: 'webhook', name: 'Flaky pager', target: flakyHook.url, roles: ['manager', 'admin'] } });
    expect(flaky.status).toBe(201);
    flakySecret = flaky.body.secret;
    expect(flakySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const listed = await api(server.url, '/api/v1/alert-channels');
    expect(listed.body.map((c: any) => [c.name, c.kind, c.hasSecret, 'secret' in c])).toEqual([
      ['Flaky pager', 'webhook', true, false],
      ['Ops chat', 'webhook', true, false],
      ['Service managers', 'email', false, false],
    ]);
  });
});

describe('an unattended P1 order', () => {
  it('is created through the intake API and left assigned', async () => {
    await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'approve', acceptTimeoutSeconds: 900 } });
    const key = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'CRM', scopes: ['requests:write'] } })).body.secret;
    const created = await api(server.url, '/api/v1/service-requests', {
      token: key,
      body: {
        idempotencyKey: 'alerts-1', receivedAt: '2026-03-02T09:00:00Z', categoryCode: 'LEAK', priority: 'P1',
        description: 'Water pouring through the ceiling of the switch room.',
        customer: { externalId: 'CRM-7001', name: 'Harbour Switching BV' },
        site: { externalId: 'CRM-7001-A', name: 'Switch room', address: 'Kade 3, Rivermouth', lat: 52.372, lon: 4.893 },
      },
    });
    expect(created.status).toBe(201);
    order = created.body;
    expect(order.sla.policyName).toBe('P1 critical (24x7)');
    expect(order.sla.targets[0]).toMatchObject({ metric: 'response', targetSeconds: 1800, dueAt: T0 + 1_800_000 });
  });

  it('raises level 1 at 75 % (09:22:30), not a second earlier, in-app and on the desktop', async () => {
    await at(1349);
    expect(await alerts()).toEqual([]);
    await at(1350);
    const [first] = await alerts();
    expect(brief([first])).toEqual([['response', 1, 'warning', '2026-03-02T09:22:30.000Z', false]]);
    expect(first).toMatchObject({ orderId: order.id, orderNumber: order.number, percentElapsed: 75, clockState: 'running', dueAt: T0 + 1_800_000, notifyRoles: ['dispatcher'] });
    expect(first.title).toBe(`${order.number} response: 75 % elapsed`);
    expect(first.deliveries).toEqual({ total: 2, pending: 0, sent: 2, failed: 0, dead: 0 });
    expect(events.map((e) => [e.name, e.payload.change, e.payload.desktop, e.payload.alert.level])).toEqual([['alert.raised', 'raised', true, 1]]);
  });

  it('raises level 2 at 90 % (09:27:00) and e-mails the managers; level 1 now reads 90 %, computed when read', async () => {
    await at(1619);
    expect(await alerts()).toHaveLength(1);
    await at(1620);
    const list = await alerts();
    expect(brief(list)).toEqual([
      ['response', 2, 'warning', '2026-03-02T09:27:00.000Z', false],
      ['response', 1, 'warning', '2026-03-02T09:22:30.000Z', false],
    ]);
    expect(list.map((a) => a.percentElapsed)).toEqual([90, 90]);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail).toMatchObject({ from: 'dispatch@example.test', to: ['managers@example.test'], subject: `[Dispatch] ${order.number} response: level 2, 90 % elapsed` });
    expect(mail.text).toContain(`Order: ${order.number}`);
    expect(mail.text).toContain('Elapsed: 90 % of the target as of 2026-03-02T09:27:00Z');
    expect(mail.text).toContain('Due: 2026-03-02T09:30:00Z');
    expect(mail.text).toContain('Escalation level: 2');
  });

  it('raises level 3 at the due instant (09:30:00): e-mail and a signed webhook to each channel', async () => {
    await at(1800);
    const [third] = await alerts();
    expect(brief([third])).toEqual([['response', 3, 'critical', '2026-03-02T09:30:00.000Z', false]]);
    expect(third.percentElapsed).toBe(100);
    expect(smtp.messages.map((m) => m.subject)).toEqual([
      `[Dispatch] ${order.number} response: level 2, 90 % elapsed`,
      `[Dispatch] ${order.number} response: level 3, 100 % elapsed`,
    ]);
    expect(opsHook.requests).toHaveLength(1);
    const { body, headers } = opsHook.requests[0]!;
    expect(headers['x-dispatch-signature']).toBe(hmac(OPS_SECRET, body));
    expect(headers['x-dispatch-timestamp']).toBe(String(T0 + 1_800_000));
    expect(headers['content-type']).toBe('application/json');
    const sent = JSON.parse(body);
    expect(sent).toMatchObject({ type: 'alert', attempt: 1, sentAt: T0 + 1_800_000, alert: { id: third.id, level: 3, orderNumber: order.number, metric: 'response', percentElapsed: 100 } });
    expect(flakyHook.requests.map((r) => r.status)).toEqual([500]);
    expect(flakyHook.requests[0]!.headers['x-dispatch-signature']).toBe(hmac(flakySecret, flakyHook.requests[0]!.body));
  });

  it('retries the failing webhook with back-off (30 s, 1, 2, 4 min) and gives up after the fifth failure', async () => {
    for (const [seconds, expected] of [[1829, 1], [1830, 2], [1889, 2], [1890, 3], [2010, 4], [2249, 4], [2250, 5], [2700, 5]] as const) {
      await at(seconds);
      expect(flakyHook.requests.length, `at T0 + ${seconds} s`).toBe(expected);
    }
    const [third] = await alerts();
    const detail = (await api(server.url, `/api/v1/alerts/${third.id}`)).body;
    const flaky = detail.attempts.filter((d: any) => d.target === flakyHook.url);
    expect(flaky.map((d: any) => [d.attempt, d.status, new Date(d.attemptedAt).toISOString().slice(11, 19), d.response])).toEqual([
      [1, 'failed', '09:30:00', 'HTTP 500 down for maintenance'],
      [2, 'failed', '09:30:30', 'HTTP 500 down for maintenance'],
      [3, 'failed', '09:31:30', 'HTTP 500 down for maintenance'],
      [4, 'failed', '09:33:30', 'HTTP 500 down for maintenance'],
      [5, 'dead', '09:37:30', 'HTTP 500 down for maintenance'],
    ]);
    expect(flaky[0].error).toBe('the receiver answered HTTP 500');
    // Every attempt was signed, and stamped with the instant it was made.
    expect(flakyHook.requests.map((r) => r.headers['x-dispatch-signature'] === hmac(flakySecret, r.body))).toEqual([true, true, true, true, true]);
    expect(flakyHook.requests.map((r) => Number(r.headers['x-dispatch-timestamp']) - T0)).toEqual([1_800_000, 1_830_000, 1_890_000, 2_010_000, 2_250_000]);
    expect(detail.attempts.map((d: any) => [d.channel, d.status]).filter(([c]: string[]) => c !== 'webhook')).toEqual([
      ['in_app', 'sent'],
      ['email', 'sent'],
    ]);
    expect(detail.deliveries).toEqual({ total: 8, pending: 0, sent: 3, failed: 4, dead: 1 });
  });

  it('re-notifies level 3 every 30 minutes until acknowledged (10:00:00)', async () => {
    await at(3599);
    expect(smtp.messages).toHaveLength(2);
    await at(3600);
    expect(smtp.messages).toHaveLength(3);
    expect(opsHook.requests).toHaveLength(2);
    // The flaky receiver is back up: the repeat gets through at its first attempt.
    expect(flakyHook.requests.map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 200]);
    const repeat = events.at(-1)!;
    expect([repeat.name, repeat.payload.change, repeat.payload.desktop, repeat.payload.alert.level, repeat.payload.alert.data.notifications]).toEqual(['alert.updated', 'repeated', false, 3, 2]);
  });

  it('stops all further notification of the clock once a dispatcher acknowledges, and records who and when', async () => {
    clock.set(T0 + 3660_000);
    const login = (await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'demo-dispatcher' } })).body;
    const [third] = await alerts();
    const acked = await api(server.url, `/api/v1/alerts/${third.id}/acknowledge`, { token: login.token, body: { note: 'Calling the site now.' } });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ id: third.id, acknowledgedAt: T0 + 3_660_000, acknowledgedBy: login.user.displayName });
    // The clock's earlier alerts are acknowledged with it; one audit entry records the acknowledgement.
    expect((await alerts('?status=open'))).toEqual([]);
    expect((await alerts('?status=acknowledged')).map((a) => a.level)).toEqual([3, 2, 1]);
    const audit = server.database.sqlite.prepare("SELECT actor_name, entity_id, after_json FROM audit_log WHERE action = 'alert.acknowledged'").all() as any[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: login.user.displayName, entity_id: third.id });
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ acknowledgedAt: T0 + 3_660_000, note: 'Calling the site now.' });

    const again = await api(server.url, `/api/v1/alerts/${third.id}/acknowledge`, { token: login.token, body: {} });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body.detail).toContain(`already acknowledged by ${login.user.displayName}`);

    const deliveriesBefore = (await alerts()).map((a) => a.deliveries.total);
    // At and past the next repeat (10:30:00): nothing more for the response clock. The arrival clock, reaching
    // 75 % at 10:30:00 too, escalates on its own (its level 2 would come at 10:45:00, when level 1 times out).
    await at(5400);
    await at(6299);
    expect([smtp.messages.length, opsHook.requests.length, flakyHook.requests.length]).toEqual([3, 2, 6]);
    const now = await alerts();
    expect(brief(now)).toEqual([
      ['arrival', 1, 'warning', '2026-03-02T10:30:00.000Z', false],
      ['response', 3, 'critical', '2026-03-02T09:30:00.000Z', false],
      ['response', 2, 'warning', '2026-03-02T09:27:00.000Z', false],
      ['response', 1, 'warning', '2026-03-02T09:22:30.000Z', false],
    ]);
    expect(now.slice(1).map((a) => a.deliveries.total)).toEqual(deliveriesBefore);
  });
});
