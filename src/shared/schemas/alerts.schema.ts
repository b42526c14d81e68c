import { z } from 'zod';
import { EpochMs, Id } from './common';
import { AlertChannelKind, NotifyRole } from './escalation.schema';
import { ClockState } from './work-order.schema';

/** Alerts, their delivery attempts, the e-mail and webhook channels they go out on, and the SMTP server. */

export const AlertSeverity = z.enum(['info', 'warning', 'critical']);
export const DeliveryStatus = z.enum(['pending', 'sent', 'failed', 'dead']);

export const DeliverySummary = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  dead: z.number().int(),
});

export const AlertDelivery = z.object({
  id: Id,
  channel: AlertChannelKind,
  /** The address, URL, or for in-app and desktop the roles told. */
  target: z.string(),
  attempt: z.number().int().min(1),
  status: DeliveryStatus,
  /** When it was tried; for a pending retry, when it is due. */
  attemptedAt: EpochMs,
  response: z.string().nullable(),
  error: z.string().nullable(),
});

export const Alert = z.object({
  id: Id,
  kind: z.string(),
  severity: AlertSeverity,
  title: z.string(),
  message: z.string(),
  orderId: Id.nullable(),
  orderNumber: z.string().nullable(),
  clockId: Id.nullable(),
  metric: z.enum(['response', 'arrival', 'resolution']).nullable(),
  /** The escalation level that raised it; 0 for an alert outside any protocol (e.g. an anomaly). */
  level: z.number().int().nonnegative(),
  raisedAt: EpochMs,
  acknowledgedAt: EpochMs.nullable(),
  acknowledgedBy: z.string().nullable(),
  /** Raised after its instant had passed (on start-up, or learned late). */
  late: z.boolean(),
  notifyRoles: z.array(NotifyRole),
  channels: z.array(AlertChannelKind),
  /** The clock's percent elapsed at the moment this alert was read, never a figure stored when it was raised. */
  percentElapsed: z.number().nullable(),
  clockState: ClockState.nullable(),
  dueAt: EpochMs.nullable(),
  data: z.record(z.string(), z.unknown()),
  deliveries: DeliverySummary,
});
export type Alert = z.infer<typeof Alert>;

export const AlertWithDeliveries = Alert.extend({ attempts: z.array(AlertDelivery) });

/** Payload of `alert.raised` and `alert.updated`: the alert as it stands, and whether to show a desktop notification. */
export const AlertEvent = z.object({
  alert: Alert,
  change: z.enum(['raised', 'repeated', 'acknowledged']),
  /** Show a desktop notification to signed-in users whose role is in `alert.notifyRoles`. */
  desktop: z.boolean(),
});
export type AlertEvent = z.infer<typeof AlertEvent>;

export const OutboundChannelKind = z.enum(['email', 'webhook']);
export const EmailAddress = z.email('must be an e-mail address').max(254);
export const WebhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000);
export const WebhookSecret = z.string().min(16, 'at least 16 characters').max(200);
const ChannelName = z.string().trim().min(1).max(100);
const ChannelRoles = z
  .array(NotifyRole)
  .min(1)
  .refine((roles) => new Set(roles).size === roles.length, 'each role at most once');

export const AlertChannel = z.object({
  id: Id,
  name: z.string(),
  kind: OutboundChannelKind,
  target: z.string(),
  /** Webhooks sign with a secret that is stored but never shown again. */
  hasSecret: z.boolean(),
  roles: z.array(NotifyRole),
  active: z.boolean(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});

export const CreateAlertChannel = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email'), name: ChannelName, target: EmailAddress, roles: ChannelRoles, active: z.boolean().default(true) }),
  z.strictObject({
    kind: z.literal('webhook'),
    name: ChannelName,
    target: WebhookUrl,
    /** Omitted: one is generated and returned once. */
    secret: WebhookSecret.optional(),
    roles: ChannelRoles,
    active: z.boolean().default(true),
  }),
]);

export const UpdateAlertChannel = z.strictObject({
  id: Id,
  name: ChannelName.optional(),
  /** Checked against the channel's kind: an e-mail address or an http(s) URL. */
  target: z.string().max(2000).optional(),
  secret: WebhookSecret.optional(),
  roles: ChannelRoles.optional(),
  active: z.boolean().optional(),
});

/** What one attempt through a channel came to. */
export const DeliveryResult = z.object({
  channel: OutboundChannelKind,
  target: z.string(),
  status: z.enum(['sent', 'failed']),
  response: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
});

export const SmtpSettingsInput = z.strictObject({
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or address'),
  port: z.number().int().min(1).max(65_535),
  /** TLS from the first byte (port 465); false uses STARTTLS when the server offers it. */
  secure: z.boolean(),
  from: EmailAddress,
  user: z.string().min(1).max(200).nullable().optional(),
  /** Omitted: keep the stored one; null: remove it. */
  password: z.string().min(1).max(500).nullable().optional(),
});

export const SmtpSettingsView = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean(),
  from: z.string().nullable(),
  user: z.string().nullable(),
  hasPassword: z.boolean(),
});
