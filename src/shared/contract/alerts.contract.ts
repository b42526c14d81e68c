import { z } from 'zod';
import {
  Alert,
  AlertChannel,
  AlertWithDeliveries,
  CreateAlertChannel,
  DeliveryResult,
  SmtpSettingsInput,
  SmtpSettingsView,
  UpdateAlertChannel,
} from '../schemas/alerts.schema';
import { Empty, EpochMs, Id } from '../schemas/common';
import { EscalationLevels, EscalationProtocol } from '../schemas/escalation.schema';
import { STAFF, VIEWERS } from '../roles';
import { defineMethod } from './define';

const ProtocolName = z.string().trim().min(1).max(100);

const EXAMPLE_LEVELS = [
  { level: 1, threshold: { kind: 'percent', percent: 75 }, notify: ['dispatcher'], channels: ['in_app', 'desktop'], ackTimeoutSeconds: 900 },
  {
    level: 2, threshold: { kind: 'due_offset', offsetSeconds: 0 }, notify: ['manager'], channels: ['in_app', 'email', 'webhook'],
    ackTimeoutSeconds: 1800, repeatEverySeconds: 1800,
  },
];

export const alertMethods = {
  'alerts.list': defineMethod({
    summary: 'Alerts, newest first, with the percent elapsed of their clock as it is now and a summary of their deliveries.',
    input: z.strictObject({
      status: z.enum(['open', 'acknowledged']).optional(),
      orderId: Id.optional(),
      /** Raised at or after this instant (epoch ms). */
      since: z.coerce.number().int().nonnegative().pipe(EpochMs).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    output: z.object({ now: EpochMs, items: z.array(Alert) }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/alerts' },
  }),
  'alerts.get': defineMethod({
    summary: 'One alert with every delivery attempt.',
    input: z.strictObject({ id: Id }),
    output: AlertWithDeliveries,
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/alerts/{id}' },
  }),
  'alerts.acknowledge': defineMethod({
    summary:
      'Acknowledge an alert: records who and when, and stops every further re-notification and escalation of its clock (its other open alerts are acknowledged with it). 409 when already acknowledged.',
    input: z.strictObject({ id: Id, note: z.string().trim().max(500).optional() }),
    output: Alert,
    roles: STAFF,
    mutates: true,
    http: { method: 'POST', path: '/alerts/{id}/acknowledge' },
  }),
  'escalationProtocols.list': defineMethod({
    summary: 'Every escalation protocol with its levels and the SLA policies using it.',
    input: Empty,
    output: z.array(EscalationProtocol),
    roles: ['admin'],
    mutates: false,
    http: { method: 'GET', path: '/escalation-protocols' },
  }),
  'escalationProtocols.create': defineMethod({
    summary: 'Create an escalation protocol.',
    input: z.strictObject({ name: ProtocolName, levels: EscalationLevels }),
    output: EscalationProtocol,
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/escalation-protocols', successStatus: 201 },
    example: { name: 'Night desk', levels: EXAMPLE_LEVELS },
  }),
  'escalationProtocols.update': defineMethod({
    summary: 'Rename a protocol or replace its levels; running clocks escalate by the new levels from now on.',
    input: z.strictObject({ id: Id, name: ProtocolName.optional(), levels: EscalationLevels.optional() }),
    output: EscalationProtocol,
    roles: ['admin'],
    mutates: true,
    http: { method: 'PATCH', path: '/escalation-protocols/{id}' },
  }),
  'alertChannels.list': defineMethod({
    summary: 'E-mail and webhook channels (never a webhook secret: `hasSecret` says whether one is set).',
    input: Empty,
    output: z.array(AlertChannel),
    roles: ['admin'],
    mutates: false,
    http: { method: 'GET', path: '/alert-channels' },
  }),
  'alertChannels.create': defineMethod({
    summary: 'Add an e-mail address or a webhook URL that receives the alerts of the roles it serves. A generated webhook secret is returned once.',
    input: CreateAlertChannel,
    output: AlertChannel.extend({ secret: z.string().optional() }),
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/alert-channels', successStatus: 201 },
    example: { kind: 'webhook', name: 'Ops chat', target: 'https://hooks.example.com/dispatch', roles: ['manager'] },
  }),
  'alertChannels.update': defineMethod({
    summary: 'Change a channel’s name, target, secret, roles or whether it is active.',
    input: UpdateAlertChannel,
    output: AlertChannel,
    roles: ['admin'],
    mutates: true,
    http: { method: 'PATCH', path: '/alert-channels/{id}' },
  }),
  'alertChannels.delete': defineMethod({
    summary: 'Remove a channel; its past deliveries stay on record.',
    input: z.strictObject({ id: Id }),
    output: z.object({ id: Id, deleted: z.literal(true) }),
    roles: ['admin'],
    mutates: true,
    http: { method: 'DELETE', path: '/alert-channels/{id}' },
  }),
  'alertChannels.test': defineMethod({
    summary: 'Send a test message through the channel now and report what happened.',
    input: z.strictObject({ id: Id }),
    output: DeliveryResult,
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/alert-channels/{id}/test' },
  }),
  'alertSettings.getSmtp': defineMethod({
    summary: 'The SMTP server alert e-mails go out through (never the password).',
    input: Empty,
    output: SmtpSettingsView,
    roles: ['admin'],
    mutates: false,
    http: { method: 'GET', path: '/settings/smtp' },
  }),
  'alertSettings.setSmtp': defineMethod({
    summary: 'Set the SMTP server. An omitted password keeps the stored one; null removes it.',
    input: SmtpSettingsInput,
    output: SmtpSettingsView,
    roles: ['admin'],
    mutates: true,
    http: { method: 'PUT', path: '/settings/smtp' },
    example: { host: 'smtp.example.com', port: 587, secure: false, from: 'dispatch@example.com', user: 'dispatch', password: 'app-password' },
  }),
};
