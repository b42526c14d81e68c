import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../../settings/smtp-settings';

/** The two outbound transports. Neither throws: every outcome is a result to record. */

export interface SendResult {
  ok: boolean;
  /** What the receiver said (SMTP reply, HTTP status and the start of the body). */
  response: string | null;
  error: string | null;
}

/** A receiver gets this long to answer; the attempt then counts as failed and is retried later. */
const SEND_TIMEOUT_MS = 10_000;
const RESPONSE_KEPT = 500;

const SIGNATURE_HEADER = 'x-dispatch-signature';
const TIMESTAMP_HEADER = 'x-dispatch-timestamp';
const DELIVERY_HEADER = 'x-dispatch-delivery';

/** `sha256=` + hex HMAC-SHA256 of the exact body bytes with the channel's secret (GitHub's webhook convention). */
function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface WebhookPost {
  url: string;
  secret: string;
  body: string;
  /** Epoch ms of the attempt (the app's clock), so a receiver can refuse stale replays. */
  timestamp: number;
  deliveryId: string;
}

export async function postWebhook({ url, secret, body, timestamp, deliveryId }: WebhookPost): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'DispatchControlRoom-Alerts',
        [SIGNATURE_HEADER]: signBody(secret, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [DELIVERY_HEADER]: deliveryId,
      },
      body,
      // A redirect could carry the signed alert elsewhere; receivers must answer at the URL they were given.
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = (await response.text()).slice(0, RESPONSE_KEPT);
    const said = `HTTP ${response.status}${text ? ` ${text}` : ''}`;
    return response.ok ? { ok: true, response: said, error: null } : { ok: false, response: said, error: `the receiver answered HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, response: null, error: describeFailure(error) };
  }
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export async function sendEmail(smtp: SmtpSettings | null, message: EmailMessage): Promise<SendResult> {
  if (!smtp) return { ok: false, response: null, error: 'no SMTP server is configured (alertSettings.setSmtp)' };
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const info = (await transport.sendMail({ from: smtp.from, ...message })) as { response?: string };
    return { ok: true, response: info.response?.slice(0, RESPONSE_KEPT) ?? null, error: null };
  } catch (error) {
    const reply = (error as { response?: unknown }).response;
    return { ok: false, response: typeof reply === 'string' ? reply.slice(0, RESPONSE_KEPT) : null, error: describeFailure(error) };
  } finally {
    transport.close();
  }
}

/** The reason in words, including the network cause fetch hides behind "fetch failed". */
function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`.slice(0, RESPONSE_KEPT);
}
