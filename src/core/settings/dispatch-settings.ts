import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';

/**
 * How the centre dispatches. `approve`: the engine proposes (status `assigned`) and a dispatcher approves;
 * `auto`: the best candidate is dispatched at once. An order not accepted within `acceptTimeoutSeconds` of being
 * dispatched returns to the queue.
 */
export const DispatchSettings = z.object({
  mode: z.enum(['auto', 'approve']).default('approve'),
  acceptTimeoutSeconds: z.number().int().min(60).max(86_400).default(900),
});
export type DispatchSettings = z.infer<typeof DispatchSettings>;

export const DISPATCH_SETTINGS_KEY = 'dispatch';

export async function readDispatchSettings(db: Kysely<Database>): Promise<DispatchSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', DISPATCH_SETTINGS_KEY).executeTakeFirst();
  return DispatchSettings.parse(row ? JSON.parse(row.value_json) : {});
}

export async function writeDispatchSettings(db: Kysely<Database>, settings: DispatchSettings, now: number): Promise<void> {
  const value_json = JSON.stringify(DispatchSettings.parse(settings));
  await db
    .insertInto('settings')
    .values({ key: DISPATCH_SETTINGS_KEY, value_json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
    .execute();
}
