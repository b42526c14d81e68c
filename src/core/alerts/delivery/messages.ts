import type { Alert } from '../../../shared/schemas/alerts.schema';
import type { EmailMessage } from './senders';

/** What an alert says on each outbound channel. Built when sent, so the figures are those of that moment. */

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const formatPercent = (percent: number): string => `${Math.round(percent * 10) / 10} %`;

export function alertEmail(alert: Alert, to: string, now: number): EmailMessage {
  const clock = alert.percentElapsed !== null && alert.metric !== null;
  const subject = clock
    ? `[Dispatch] ${alert.orderNumber} ${alert.metric}: level ${alert.level}, ${formatPercent(alert.percentElapsed!)} elapsed`
    : `[Dispatch] ${alert.title}`;
  const lines = [
    alert.title,
    '',
    alert.message,
    '',
    ...(alert.orderNumber ? [`Order: ${alert.orderNumber}`] : []),
    ...(clock ? [`Metric: ${alert.metric}`, `Elapsed: ${formatPercent(alert.percentElapsed!)} of the target as of ${iso(now)}`] : []),
    ...(alert.dueAt !== null ? [`Due: ${iso(alert.dueAt)}`] : []),
    ...(alert.level > 0 ? [`Escalation level: ${alert.level}`] : []),
    `Severity: ${alert.severity}`,
    `Raised: ${iso(alert.raisedAt)}${alert.late ? ' (late: its instant passed while the app was not running)' : ''}`,
    alert.acknowledgedAt === null ? 'Not acknowledged yet.' : `Acknowledged by ${alert.acknowledgedBy} at ${iso(alert.acknowledgedAt)}.`,
    '',
    `Alert ${alert.id}`,
  ];
  return { to, subject, text: lines.join('\n') };
}

export function alertWebhookBody(alert: Alert, delivery: { id: string; attempt: number }, now: number): string {
  return JSON.stringify({ type: 'alert', deliveryId: delivery.id, attempt: delivery.attempt, sentAt: now, alert });
}

/** The message `alertChannels.test` sends, so an administrator can check the address or URL and the signature. */
export function testEmail(channelName: string, to: string, now: number): EmailMessage {
  return { to, subject: '[Dispatch] Test message', text: `This is a test of the alert channel "${channelName}", sent at ${iso(now)}.\nAlerts for its roles will arrive like this.` };
}
export function testWebhookBody(channel: { id: string; name: string }, now: number): string {
  return JSON.stringify({ type: 'test', channel, sentAt: now });
}
