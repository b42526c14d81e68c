import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The centre's time zone, in which trends are bucketed and the heatmap reads hours of day. The centre has no zone
 * setting of its own; its calendars say where its working day is, so it is the zone most calendars are read in
 * (ties: alphabetically first), or UTC for a centre without calendars.
 */
export async function centreTimeZone(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('calendars')
    .select((eb) => ['time_zone', eb.fn.countAll<number>().as('n')])
    .groupBy('time_zone')
    .orderBy('n', 'desc')
    .orderBy('time_zone')
    .executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}
