import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { EmailAddress, WebhookUrl } from '../../shared/schemas/alerts.schema';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { readSmtpSettings } from '../settings/smtp-settings';
import { toAlertChannel, type ChannelRow } from './delivery/channel-store';
import { testEmail, testWebhookBody } from './delivery/messages';
import { postWebhook, sendEmail } from './delivery/senders';

type Methods = 'alertChannels.list' | 'alertChannels.create' | 'alertChannels.update' | 'alertChannels.delete' | 'alertChannels.test';

async function requireChannel(db: Kysely<Database>, id: string): Promise<ChannelRow> {
  const row = await db.selectFrom('alert_channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No alert channel with id "${id}".`);
  return row;
}

async function requireFreeName(db: Kysely<Database>, name: string, exceptId: string | null): Promise<void> {
  const taken = await db.selectFrom('alert_channels').select('id').where('name', '=', name).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw new AppError('conflict', `An alert channel named "${name}" already exists.`, [{ path: 'name', message: 'already taken' }]);
}

/** A changed target must suit the channel's kind; refused before anything is written. */
function checkTarget(kind: ChannelRow['kind'], target: string): void {
  const parsed = (kind === 'email' ? EmailAddress : WebhookUrl).safeParse(target);
  if (!parsed.success) throw new AppError('validation', `Invalid input for alertChannels.update: target: ${parsed.error.issues[0]!.message}`, [{ path: 'target', message: parsed.error.issues[0]!.message }]);
}

export function createAlertChannelHandlers({ db, bus, clock }: CoreDeps): HandlerMap<Methods> {
  return {
    'alertChannels.list': async () => (await db.selectFrom('alert_channels').selectAll().orderBy('name').execute()).map(toAlertChannel),

    'alertChannels.create': async (input, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        await requireFreeName(trx, input.name, null);
        // A webhook without a given secret gets a generated one, shown once in this answer.
        const generated = input.kind === 'webhook' && !input.secret ? randomBytes(32).toString('base64url') : undefined;
        const secret = input.kind === 'webhook' ? (input.secret ?? generated!) : null;
        const row: ChannelRow = {
          id: newId('ach', now), name: input.name, kind: input.kind, target: input.target, secret,
          roles_json: JSON.stringify(input.roles), active: input.active ? 1 : 0, created_at: now, updated_at: now,
        };
        await trx.insertInto('alert_channels').values(row).execute();
        const channel = toAlertChannel(row);
        await appendAudit(trx, principal, now, { action: 'alertChannel.created', entityType: 'alert_channel', entityId: row.id, after: channel });
        emit('reference.changed', { entity: 'alert_channel', id: row.id });
        return generated ? { ...channel, secret: generated } : channel;
      }),

    'alertChannels.update': async ({ id, name, target, secret, roles, active }, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await requireChannel(trx, id);
        if (target !== undefined) checkTarget(before.kind, target);
        if (secret !== undefined && before.kind !== 'webhook') {
          throw new AppError('validation', 'Invalid input for alertChannels.update: secret: only webhooks sign with a secret', [{ path: 'secret', message: 'only webhooks sign with a secret' }]);
        }
        if (name !== undefined) await requireFreeName(trx, name, id);
        const after: ChannelRow = {
          ...before,
          name: name ?? before.name,
          target: target ?? before.target,
          secret: secret ?? before.secret,
          roles_json: roles ? JSON.stringify(roles) : before.roles_json,
          active: active === undefined ? before.active : active ? 1 : 0,
          updated_at: now,
        };
        const { id: _id, ...changes } = after;
        await trx.updateTable('alert_channels').set(changes).where('id', '=', id).execute();
        const view = toAlertChannel(after);
        await appendAudit(trx, principal, now, {
          action: 'alertChannel.updated', entityType: 'alert_channel', entityId: id,
          before: toAlertChannel(before), after: { ...view, secretChanged: secret !== undefined },
        });
        emit('reference.changed', { entity: 'alert_channel', id });
        return view;
      }),

    'alertChannels.delete': async ({ id }, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await requireChannel(trx, id);
        await trx.deleteFrom('alert_channels').where('id', '=', id).execute();
        await appendAudit(trx, principal, now, { action: 'alertChannel.deleted', entityType: 'alert_channel', entityId: id, before: toAlertChannel(before) });
        emit('reference.changed', { entity: 'alert_channel', id });
        return { id, deleted: true as const };
      }),

    'alertChannels.test': async ({ id }, { principal }) => {
      const channel = await requireChannel(db, id);
      // Sent outside any transaction: the store is not held while a remote server takes its time.
      const sentAt = clock.now();
      const started = Date.now();
      const outcome =
        channel.kind === 'email'
          ? await sendEmail(await readSmtpSettings(db), testEmail(channel.name, channel.target, sentAt))
          : await postWebhook({ url: channel.target, secret: channel.secret ?? '', body: testWebhookBody({ id, name: channel.name }, sentAt), timestamp: sentAt, deliveryId: `test_${id}` });
      const result = {
        channel: channel.kind, target: channel.target, status: outcome.ok ? ('sent' as const) : ('failed' as const),
        response: outcome.response, error: outcome.error, durationMs: Date.now() - started,
      };
      await inTransaction(db, bus, (trx) =>
        appendAudit(trx, principal, clock.now(), { action: 'alertChannel.tested', entityType: 'alert_channel', entityId: id, after: { status: result.status, error: result.error } }),
      );
      return result;
    },
  };
}
