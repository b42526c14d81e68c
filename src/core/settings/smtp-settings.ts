import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';

/**
 * The SMTP server alert e-mails go out through. The password is stored as given (the server needs it to sign in,
 * so it cannot be hashed) and never leaves core: the API only says whether one is set.
 */
export const SmtpSettings = z.object({
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  from: z.string(),
  user: z.string().nullable(),
  password: z.string().nullable(),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

export const SMTP_SETTINGS_KEY = 'smtp';

/** The stored settings, or null while none have been set. */
export async function readSmtpSettings(db: Kysely<Database>): Promise<SmtpSettings | null> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', SMTP_SETTINGS_KEY).executeTakeFirst();
  return row ? SmtpSettings.parse(JSON.parse(row.value_json)) : null;
}

export async function writeSmtpSettings(db: Kysely<Database>, settings: SmtpSettings, now: number): Promise<void> {
  const value_json = JSON.stringify(SmtpSettings.parse(settings));
  await db
    .insertInto('settings')
    .values({ key: SMTP_SETTINGS_KEY, value_json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
    .execute();
}
