import type { Selectable } from 'kysely';
import type { TimeOff } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import type { TimeOffTable } from '../db/schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { requireEntity } from './admin-guards';

const toTimeOff = (row: Selectable<TimeOffTable>): TimeOff => ({
  id: row.id,
  technicianId: row.technician_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  reason: row.reason,
});

/**
 * Planned absences. The roster reads time off fresh on every proposal (it is never cached), so an absence counts
 * from the moment it is saved; the `reference.changed` event tells the board to refresh.
 */
export function createTimeOffHandlers(deps: CoreDeps): HandlerMap<'timeOff.list' | 'timeOff.add' | 'timeOff.remove'> {
  return {
    'timeOff.list': async ({ technicianId, endingAfter }) => {
      let query = deps.db.selectFrom('time_off').selectAll().orderBy('starts_at').orderBy('id');
      if (technicianId) query = query.where('technician_id', '=', technicianId);
      if (endingAfter !== undefined) query = query.where('ends_at', '>', endingAfter);
      return (await query.execute()).map(toTimeOff);
    },

    'timeOff.add': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        requireEntity(await trx.selectFrom('technicians').select('id').where('id', '=', input.technicianId).executeTakeFirst(), 'technician', input.technicianId);
        const row = { id: newId('off', ctx.now), technician_id: input.technicianId, starts_at: input.startsAt, ends_at: input.endsAt, reason: input.reason };
        await trx.insertInto('time_off').values(row).execute();
        const after = toTimeOff(row);
        await record({ entity: 'time_off', id: row.id, action: 'timeOff.added', after });
        return after;
      }),

    'timeOff.remove': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = toTimeOff(requireEntity(await trx.selectFrom('time_off').selectAll().where('id', '=', id).executeTakeFirst(), 'time off entry', id));
        await trx.deleteFrom('time_off').where('id', '=', id).execute();
        await record({ entity: 'time_off', id, action: 'timeOff.removed', before });
        return before;
      }),
  };
}
