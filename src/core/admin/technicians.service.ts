import type { Transaction } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Technician } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { loadTechnicians } from '../reference/technician-queries';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { zoneAt } from '../work-orders/customer-resolution';
import { syncTechnicianStatus } from '../work-orders/technician-status';
import { adminChange } from './admin-change';
import { assertUnique, requireEntity, requireReference, skillIdsOf } from './admin-guards';

type Trx = Transaction<Database>;
type Create = ParsedInput<'technicians.create'>;
type Patch = Omit<ParsedInput<'technicians.update'>, 'id'>;

async function technicianById(trx: Trx, id: string): Promise<Technician> {
  return requireEntity((await loadTechnicians(trx, [id]))[0], 'technician', id);
}

/** The references and unique fields of a create or an update, checked before anything is written. */
async function checkReferences(trx: Trx, fields: Patch, exceptId?: string): Promise<void> {
  await assertUnique(trx, 'technicians', 'external_id', fields.externalId, 'externalId', 'technician', exceptId);
  await requireReference(trx, 'regions', fields.regionId, 'regionId', 'region');
  await requireReference(trx, 'vehicles', fields.vehicleId, 'vehicleId', 'vehicle');
  if (!fields.vehicleId) return;
  const driver = await trx.selectFrom('technicians').select(['id', 'name']).where('vehicle_id', '=', fields.vehicleId).executeTakeFirst();
  if (driver && driver.id !== exceptId) {
    throw new AppError('conflict', `Vehicle ${fields.vehicleId} is already driven by ${driver.name} (${driver.id}).`, [
      { path: 'vehicleId', message: 'already assigned to another technician' },
    ]);
  }
}

async function replaceSkills(trx: Trx, technicianId: string, skills: Create['skills']): Promise<void> {
  const ids = await skillIdsOf(trx, skills.map((s) => s.skillCode), 'skills');
  await trx.deleteFrom('technician_skills').where('technician_id', '=', technicianId).execute();
  if (ids.length === 0) return;
  await trx
    .insertInto('technician_skills')
    .values(ids.map((skillId, i) => ({ technician_id: technicianId, skill_id: skillId, level: skills[i]!.level, certified_until: skills[i]!.certifiedUntil })))
    .execute();
}

async function replaceShifts(trx: Trx, technicianId: string, shifts: Create['shifts'], now: number): Promise<void> {
  await trx.deleteFrom('shifts').where('technician_id', '=', technicianId).execute();
  if (shifts.length === 0) return;
  await trx
    .insertInto('shifts')
    .values(shifts.map((s) => ({ id: newId('shf', now), technician_id: technicianId, weekday: s.weekday, start_time: s.start, end_time: s.end })))
    .execute();
}

/**
 * The zone shifts are read in: the one given, else — for a new technician or a moved home base — the zone of the
 * home base's coordinates, else the one they had.
 */
function zoneFor(patch: Patch, current: string | null): string | undefined {
  if (patch.timeZone) return patch.timeZone;
  if (patch.home) return zoneAt(patch.home.lat, patch.home.lon);
  return current ?? undefined;
}

/**
 * Technician records. An inactive technician keeps their history but is `unavailable`, which the assignment
 * engine never proposes (its hard constraint on status); reactivating makes them available again, or busy when
 * they still have an order in the field.
 */
export function createTechnicianHandlers(deps: CoreDeps): HandlerMap<'technicians.create' | 'technicians.update'> {
  return {
    'technicians.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await checkReferences(trx, input);
        const id = newId('tech', ctx.now);
        await trx
          .insertInto('technicians')
          .values({
            id,
            external_id: input.externalId,
            name: input.name,
            phone: null,
            email: null,
            team: input.team,
            region_id: input.regionId,
            home_lat: input.home.lat,
            home_lon: input.home.lon,
            last_lat: null,
            last_lon: null,
            last_position_at: null,
            status: input.active ? 'available' : 'unavailable',
            daily_capacity_minutes: input.dailyCapacityMinutes,
            vehicle_id: input.vehicleId,
            time_zone: zoneFor(input, null)!,
            active: input.active ? 1 : 0,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .execute();
        await replaceSkills(trx, id, input.skills);
        await replaceShifts(trx, id, input.shifts, ctx.now);
        const after = await technicianById(trx, id);
        await record({ entity: 'technician', id, action: 'technician.created', after });
        return after;
      }),

    'technicians.update': ({ id, ...patch }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await technicianById(trx, id);
        await checkReferences(trx, patch, id);
        const reactivated = patch.active === true && !before.active;
        await trx
          .updateTable('technicians')
          .set({
            name: patch.name,
            external_id: patch.externalId,
            team: patch.team,
            region_id: patch.regionId,
            home_lat: patch.home?.lat,
            home_lon: patch.home?.lon,
            daily_capacity_minutes: patch.dailyCapacityMinutes,
            vehicle_id: patch.vehicleId,
            time_zone: zoneFor(patch, before.timeZone),
            active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
            status: patch.active === false ? 'unavailable' : reactivated ? 'available' : undefined,
            updated_at: ctx.now,
          })
          .where('id', '=', id)
          .execute();
        if (reactivated) await syncTechnicianStatus(trx, id, ctx.now);
        if (patch.skills) await replaceSkills(trx, id, patch.skills);
        if (patch.shifts) await replaceShifts(trx, id, patch.shifts, ctx.now);
        const after = await technicianById(trx, id);
        await record({ entity: 'technician', id, action: 'technician.updated', before, after });
        return after;
      }),
  };
}
