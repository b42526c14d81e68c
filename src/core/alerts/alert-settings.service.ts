import type { z } from 'zod';
import type { SmtpSettingsView } from '../../shared/schemas/alerts.schema';
import { appendAudit } from '../audit/audit-log';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { readSmtpSettings, SMTP_SETTINGS_KEY, writeSmtpSettings, type SmtpSettings } from '../settings/smtp-settings';

/** The SMTP server as the API shows it: never the password, only whether one is stored. */
function toView(settings: SmtpSettings | null): z.infer<typeof SmtpSettingsView> {
  if (!settings) return { configured: false, host: null, port: null, secure: false, from: null, user: null, hasPassword: false };
  return { configured: true, host: settings.host, port: settings.port, secure: settings.secure, from: settings.from, user: settings.user, hasPassword: settings.password !== null };
}

export function createAlertSettingsHandlers({ db, bus }: CoreDeps): HandlerMap<'alertSettings.getSmtp' | 'alertSettings.setSmtp'> {
  return {
    'alertSettings.getSmtp': async () => toView(await readSmtpSettings(db)),

    'alertSettings.setSmtp': async (input, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await readSmtpSettings(trx);
        const after: SmtpSettings = {
          host: input.host,
          port: input.port,
          secure: input.secure,
          from: input.from,
          user: input.user ?? null,
          // Omitted keeps the stored password, so an administrator can change the host without retyping it.
          password: input.password === undefined ? (before?.password ?? null) : input.password,
        };
        await writeSmtpSettings(trx, after, now);
        await appendAudit(trx, principal, now, { action: 'settings.changed', entityType: 'settings', entityId: SMTP_SETTINGS_KEY, before: toView(before), after: toView(after) });
        emit('reference.changed', { entity: 'settings', id: SMTP_SETTINGS_KEY });
        return toView(after);
      }),
  };
}
