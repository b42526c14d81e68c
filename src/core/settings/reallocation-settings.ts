import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';

/**
 * How the centre reallocates at-risk orders. `propose`: proposals wait for a dispatcher; `auto`: the scheduled
 * job applies the best proposal per at-risk order itself, at most once per order and metric, and never to an
 * order a dispatcher changed in the last `recentEditMinutes` (the dispatcher's decision stands for that long).
 */
export const ReallocationSettings = z.object({
  mode: z.enum(['propose', 'auto']).default('propose'),
  recentEditMinutes: z.number().int().min(0).max(1440).default(10),
});
export type ReallocationSettings = z.infer<typeof ReallocationSettings>;

export const REALLOCATION_SETTINGS_KEY = 'reallocation';

export async function readReallocationSettings(db: Kysely<Database>): Promise<ReallocationSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', REALLOCATION_SETTINGS_KEY).executeTakeFirst();
  return ReallocationSettings.parse(row ? JSON.parse(row.value_json) : {});
}

export async function writeReallocationSettings(db: Kysely<Database>, settings: ReallocationSettings, now: number): Promise<void> {
  const value_json = JSON.stringify(ReallocationSettings.parse(settings));
  await db
    .insertInto('settings')
    .values({ key: REALLOCATION_SETTINGS_KEY, value_json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
    .execute();
}
