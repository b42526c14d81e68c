import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import { prepareQuery } from '../db/prepared-query';
import type { Database } from '../db/schema';
import { loadCalendars } from '../reference/calendar-queries';

// Prepared: every intake checks its policy's calendar is current (see prepareQuery).
const selectUpdatedAt = prepareQuery<{ id: string }, { updated_at: number }>((db, v) => db.selectFrom('calendars').select('updated_at').where('id', '=', v.id));

/**
 * Calendars by id, kept as the same objects between requests so the SLA calculator's compiled form (cached per
 * object) is reused; a calendar edited since (newer `updated_at`) is loaded again.
 */
export class PolicyCalendars {
  private readonly cache = new Map<string, { updatedAt: number; calendar: Calendar }>();

  constructor(private readonly db: Kysely<Database>) {}

  async get(db: Kysely<Database> = this.db, id: string): Promise<Calendar> {
    const [row] = (await selectUpdatedAt(db, { id })).rows;
    if (!row) throw new AppError('not_found', `No calendar with id "${id}".`);
    const cached = this.cache.get(id);
    if (cached && cached.updatedAt === row.updated_at) return cached.calendar;
    const [record] = await loadCalendars(db, [id]);
    this.cache.set(id, { updatedAt: row.updated_at, calendar: record!.calendar });
    return record!.calendar;
  }
}
