import type { Kysely, Selectable } from 'kysely';
import type { AlertDeliveryTable, Database } from '../../db/schema';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { CoreDeps } from '../../rpc/handlers';
import { readSmtpSettings } from '../../settings/smtp-settings';
import { PolicyCalendars } from '../../work-orders/policy-calendars';
import { readAlert } from '../alert-view';
import { alertEmail, alertWebhookBody } from './messages';
import { postWebhook, sendEmail, type SendResult } from './senders';

/** A failing channel is tried this many times in all; the last failure marks the attempt `dead`. */
const MAX_ATTEMPTS = 5;
/** Back-off after failed attempt k: 30 s × 2^(k−1), i.e. 30 s, 1 min, 2 min, 4 min. */
const retryDelayMs = (failedAttempt: number): number => 30_000 * 2 ** (failedAttempt - 1);

type DeliveryRow = Selectable<AlertDeliveryTable>;
type Outcome = SendResult & { final?: boolean };

/**
 * Sends the pending e-mail and webhook attempts, outside any transaction and without making the caller wait:
 * each attempt is stored first (pending, with the instant it is due), sent in the background, and its result
 * recorded afterwards. A failure schedules the next attempt as a new pending row rather than sleeping, so the
 * scheduled jobs pick retries up, also after a restart, and every attempt stays on record.
 */
export class AlertOutbox {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly calendars: PolicyCalendars;

  constructor(private readonly deps: CoreDeps) {
    this.calendars = new PolicyCalendars(deps.db);
  }

  /** Starts every pending attempt due at `now` that is not already under way; returns how many it started. */
  async dispatchDue(now: number): Promise<number> {
    const due = await this.deps.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('attempted_at', '<=', now)
      .orderBy('attempted_at')
      .execute();
    let started = 0;
    for (const row of due) {
      if (this.inFlight.has(row.id)) continue;
      const attempt = this.attempt(row)
        .catch((error: unknown) => this.deps.logger.error('alert delivery failed', { deliveryId: row.id, error: String((error as Error)?.stack ?? error) }))
        .finally(() => this.inFlight.delete(row.id));
      this.inFlight.set(row.id, attempt);
      started++;
    }
    return started;
  }

  /** Resolves once nothing is being sent (tests and shutdown wait for it). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    const { target, outcome } = await this.send(row);
    const at = this.deps.clock.now();
    const final = outcome.final === true || (!outcome.ok && row.attempt >= MAX_ATTEMPTS);
    await inTransaction(this.deps.db, this.deps.bus, async (trx) => {
      const status = outcome.ok ? 'sent' : final ? 'dead' : 'failed';
      await trx
        .updateTable('alert_deliveries')
        .set({ status, target, attempted_at: at, response: outcome.response, error: outcome.error })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .execute();
      if (outcome.ok || final) return;
      await trx
        .insertInto('alert_deliveries')
        .values({ ...row, id: newId('dlv', at), target, attempt: row.attempt + 1, status: 'pending', attempted_at: at + retryDelayMs(row.attempt), response: null, error: null })
        .execute();
    });
  }

  /** Sends through the channel as it is now (an address corrected meanwhile is used), with the alert as it is now. */
  private async send(row: DeliveryRow): Promise<{ target: string; outcome: Outcome }> {
    const { db, clock } = this.deps;
    const channel = row.channel_id ? await db.selectFrom('alert_channels').selectAll().where('id', '=', row.channel_id).executeTakeFirst() : undefined;
    const giveUp = (error: string) => ({ target: row.target, outcome: { ok: false, response: null, error, final: true } });
    if (!channel) return giveUp('the channel was deleted');
    if (channel.active !== 1) return giveUp('the channel was deactivated');
    const now = clock.now();
    const alert = await readAlert(db, row.alert_id, now, this.calendars);
    if (!alert) return giveUp('the alert no longer exists');
    const outcome =
      row.channel === 'email'
        ? await sendEmail(await readSmtpSettings(db), alertEmail(alert, channel.target, now))
        : await postWebhook({ url: channel.target, secret: channel.secret ?? '', body: alertWebhookBody(alert, row, now), timestamp: now, deliveryId: row.id });
    return { target: channel.target, outcome };
  }
}

const outboxes = new WeakMap<Kysely<Database>, AlertOutbox>();

/** One outbox per store, shared by the escalation engine and `raiseAlert`, so an attempt is never sent twice. */
export function outboxFor(deps: CoreDeps): AlertOutbox {
  let outbox = outboxes.get(deps.db);
  if (!outbox) outboxes.set(deps.db, (outbox = new AlertOutbox(deps)));
  return outbox;
}
