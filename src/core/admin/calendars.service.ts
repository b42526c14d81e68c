import type { Transaction } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { CalendarRecord } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { loadCalendars } from '../reference/calendar-queries';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { compileCalendar } from '../sla';
import { adminChange } from './admin-change';
import { assertUnique, assertUnused, nextUpdatedAt, requireEntity } from './admin-guards';

type Trx = Transaction<Database>;
type Overrides = ParsedInput<'calendars.create'>['overrides'];

export async function calendarById(trx: Trx, id: string): Promise<CalendarRecord> {
  return requireEntity((await loadCalendars(trx, [id]))[0], 'calendar', id);
}

/**
 * Marks a calendar changed: caches of compiled calendars (PolicyCalendars) reload one whose `updated_at` moved,
 * so every holiday or override edit must move it, or new orders would keep the old working time.
 */
export async function touchCalendar(trx: Trx, id: string, now: number): Promise<void> {
  const { updated_at } = await trx.selectFrom('calendars').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow();
  await trx.updateTable('calendars').set({ updated_at: nextUpdatedAt(updated_at, now) }).where('id', '=', id).execute();
}

async function replaceOverrides(trx: Trx, calendarId: string, overrides: Overrides): Promise<void> {
  await trx.deleteFrom('calendar_overrides').where('calendar_id', '=', calendarId).execute();
  if (overrides.length === 0) return;
  await trx
    .insertInto('calendar_overrides')
    .values(overrides.map((o) => ({ calendar_id: calendarId, date: o.date, intervals_json: JSON.stringify(o.intervals) })))
    .execute();
}

/** The SLA engine's own check of the saved calendar, as the last word: the schema states its rules, this proves them. */
function assertCompiles(record: CalendarRecord): void {
  try {
    compileCalendar(record.calendar);
  } catch (error) {
    const message = (error as Error).message;
    // "Invalid calendar: week.mon.0: … ; overrides.1.date: …" → one field error per problem.
    const errors = message
      .replace(/^Invalid calendar: /, '')
      .split('; ')
      .map((problem) => ({ path: problem.slice(0, Math.max(0, problem.indexOf(': '))), message: problem.slice(problem.indexOf(': ') + 2) }));
    throw new AppError('validation', message, errors);
  }
}

/** Business calendars and their holidays; every change is one audit entry of the calendar's before and after. */
export function createCalendarHandlers(
  deps: CoreDeps,
): HandlerMap<'calendars.create' | 'calendars.update' | 'calendars.delete' | 'calendars.addHoliday' | 'calendars.removeHoliday'> {
  return {
    'calendars.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await assertUnique(trx, 'calendars', 'name', input.name, 'name', 'calendar');
        const id = newId('cal', ctx.now);
        const row = { id, name: input.name, time_zone: input.timeZone, week_json: JSON.stringify(input.week), created_at: ctx.now, updated_at: ctx.now };
        await trx.insertInto('calendars').values(row).execute();
        await replaceOverrides(trx, id, input.overrides);
        const after = await calendarById(trx, id);
        assertCompiles(after);
        await record({ entity: 'calendar', id, action: 'calendar.created', after });
        return after;
      }),

    'calendars.update': ({ id, ...patch }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await calendarById(trx, id);
        await assertUnique(trx, 'calendars', 'name', patch.name, 'name', 'calendar', id);
        await trx
          .updateTable('calendars')
          .set({ name: patch.name, time_zone: patch.timeZone, week_json: patch.week && JSON.stringify(patch.week) })
          .where('id', '=', id)
          .execute();
        if (patch.overrides) await replaceOverrides(trx, id, patch.overrides);
        await touchCalendar(trx, id, ctx.now);
        const after = await calendarById(trx, id);
        assertCompiles(after);
        await record({ entity: 'calendar', id, action: 'calendar.updated', before, after });
        return after;
      }),

    'calendars.delete': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await calendarById(trx, id);
        await assertUnused(trx, `calendar "${before.name}"`, id, [
          { table: 'sla_policies', column: 'calendar_id', label: ['SLA policy', 'SLA policies'] },
          { table: 'sla_clocks', column: 'calendar_id', label: ['SLA clock', 'SLA clocks'] },
        ]);
        await trx.deleteFrom('calendars').where('id', '=', id).execute();
        await record({ entity: 'calendar', id, action: 'calendar.deleted', before });
        return before;
      }),

    'calendars.addHoliday': ({ calendarId, date, name }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await calendarById(trx, calendarId);
        const existing = before.namedHolidays.find((h) => h.date === date);
        if (existing) throw new AppError('conflict', `${date} is already a holiday of "${before.name}" (${existing.name}).`, [{ path: 'date', message: 'already a holiday' }]);
        await trx.insertInto('calendar_holidays').values({ calendar_id: calendarId, date, name }).execute();
        await touchCalendar(trx, calendarId, ctx.now);
        const after = await calendarById(trx, calendarId);
        await record({ entity: 'calendar', id: calendarId, action: 'calendar.holidayAdded', before, after });
        return after;
      }),

    'calendars.removeHoliday': ({ calendarId, date }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await calendarById(trx, calendarId);
        if (!before.calendar.holidays?.includes(date)) throw new AppError('not_found', `${date} is not a holiday of "${before.name}".`);
        await trx.deleteFrom('calendar_holidays').where('calendar_id', '=', calendarId).where('date', '=', date).execute();
        await touchCalendar(trx, calendarId, ctx.now);
        const after = await calendarById(trx, calendarId);
        await record({ entity: 'calendar', id: calendarId, action: 'calendar.holidayRemoved', before, after });
        return after;
      }),
  };
}
