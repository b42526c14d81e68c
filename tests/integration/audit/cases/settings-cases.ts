import { changed, created, deleted, type AuditCase } from './case';

const LEVELS = [{ level: 1, threshold: { kind: 'due_offset', offsetSeconds: -1800 }, notify: ['manager'], channels: ['in_app', 'webhook'], ackTimeoutSeconds: 600 }];

/** Sample calls of people, keys, sign-in, alerting configuration and settings. */
export const settingsCases: Record<string, AuditCase> = {
  'users.create': {
    input: () => ({ username: 'casey', displayName: 'Casey', role: 'dispatcher', password: 'casey-password' }),
    entries: (r) => [created('user.created', 'user', r.id)],
    keep: (r, w) => (w.ids.user = r.id),
  },
  'users.update': {
    input: (w) => ({ id: w.ids.user, displayName: 'Casey Jones', role: 'manager' }),
    entries: (_r, w) => [changed('user.updated', 'user', w.ids.user!)],
  },
  'users.resetPassword': {
    input: (w) => ({ id: w.ids.user, password: 'another-password' }),
    // The user's record is unchanged but for the password, which is never written to the log: no "before".
    entries: (_r, w) => [created('user.passwordReset', 'user', w.ids.user!)],
  },
  // Signing in and out changes sessions only, which DOMAIN.md's audit list (orders, policies, calendars,
  // assignments, users, keys) leaves out: no entry.
  'auth.login': {
    input: () => ({ username: 'casey', password: 'another-password' }),
    entries: () => [],
  },
  'auth.logout': {
    prepare: async (w) => (await w.ok('auth.login', { username: 'casey', password: 'another-password' })).token,
    token: (_w, token) => token,
    input: () => ({}),
    entries: () => [],
  },
  'apiKeys.create': {
    input: () => ({ kind: 'display', name: 'Wall 1' }),
    entries: (r) => [created('apiKey.created', 'api_key', r.key.id)],
    keep: (r, w) => (w.ids.key = r.key.id),
  },
  'apiKeys.revoke': {
    input: (w) => ({ id: w.ids.key }),
    entries: (_r, w) => [changed('apiKey.revoked', 'api_key', w.ids.key!)],
  },
  'escalationProtocols.create': {
    input: () => ({ name: 'Night desk', levels: LEVELS }),
    entries: (r) => [created('escalationProtocol.created', 'escalation_protocol', r.id)],
    keep: (r, w) => (w.ids.nightDesk = r.id),
  },
  'escalationProtocols.update': {
    input: (w) => ({ id: w.ids.nightDesk, name: 'Night desk (weekends)' }),
    entries: (_r, w) => [changed('escalationProtocol.updated', 'escalation_protocol', w.ids.nightDesk!)],
  },
  'alertChannels.create': {
    // The test server's own health route: a delivery there is answered at once (and refused, as it is GET only).
    input: (w) => ({ kind: 'webhook', name: 'Ops chat', target: `${w.server.url}/api/health`, roles: ['manager'] }),
    entries: (r) => [created('alertChannel.created', 'alert_channel', r.id)],
    keep: (r, w) => (w.ids.channel = r.id),
  },
  'alertChannels.update': {
    input: (w) => ({ id: w.ids.channel, name: 'Ops chat (managers)' }),
    entries: (_r, w) => [changed('alertChannel.updated', 'alert_channel', w.ids.channel!)],
  },
  'alertChannels.test': {
    input: (w) => ({ id: w.ids.channel }),
    // The test message is recorded with its outcome; the channel itself does not change.
    entries: (_r, w) => [created('alertChannel.tested', 'alert_channel', w.ids.channel!)],
  },
  'alertChannels.delete': {
    input: (w) => ({ id: w.ids.channel }),
    entries: (_r, w) => [deleted('alertChannel.deleted', 'alert_channel', w.ids.channel!)],
  },
  'alertSettings.setSmtp': {
    input: () => ({ host: 'smtp.example.com', port: 587, secure: false, from: 'dispatch@example.com' }),
    entries: () => [changed('settings.changed', 'settings', 'smtp')],
  },
  'settings.setDispatch': {
    input: () => ({ mode: 'approve', acceptTimeoutSeconds: 80_000 }),
    entries: () => [changed('settings.changed', 'settings', 'dispatch')],
  },
  'system.backup': {
    input: () => ({}),
    // A new backup file, recorded as such (the data it copies does not change).
    entries: (r) => [created('system.backup', 'backup', r.file)],
  },
  'settings.setReallocation': {
    input: () => ({ mode: 'propose', recentEditMinutes: 15 }),
    entries: () => [changed('settings.changed', 'settings', 'reallocation')],
  },
};
