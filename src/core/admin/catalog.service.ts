import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Vehicle } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { loadVehicles } from '../reference/vehicle-queries';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { assertUnique, assertUnused, requireEntity } from './admin-guards';

type Names = 'skills.create' | 'skills.update' | 'skills.delete' | 'vehicles.create' | 'vehicles.update' | 'vehicles.delete';

async function vehicleById(trx: Transaction<Database>, id: string): Promise<Vehicle> {
  return requireEntity((await loadVehicles(trx, [id]))[0], 'vehicle', id);
}

/** Skills and vehicles: the small catalogue entities, each change audited with its before and after. */
export function createCatalogHandlers(deps: CoreDeps): HandlerMap<Names> {
  const skillById = async (trx: Transaction<Database>, id: string) =>
    requireEntity(await trx.selectFrom('skills').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst(), 'skill', id);

  return {
    'skills.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await assertUnique(trx, 'skills', 'code', input.code, 'code', 'skill');
        const skill = { id: newId('skl', ctx.now), code: input.code, name: input.name };
        await trx.insertInto('skills').values(skill).execute();
        await record({ entity: 'skill', id: skill.id, action: 'skill.created', after: skill });
        return skill;
      }),

    'skills.update': ({ id, name }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await skillById(trx, id);
        await trx.updateTable('skills').set({ name }).where('id', '=', id).execute();
        const after = { ...before, name };
        await record({ entity: 'skill', id, action: 'skill.updated', before, after });
        return after;
      }),

    'skills.delete': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await skillById(trx, id);
        await assertUnused(trx, `skill "${before.code}"`, id, [
          { table: 'technician_skills', column: 'skill_id', label: ['technician', 'technicians'] },
          { table: 'category_skills', column: 'skill_id', label: ['category', 'categories'] },
        ]);
        await trx.deleteFrom('skills').where('id', '=', id).execute();
        await record({ entity: 'skill', id, action: 'skill.deleted', before });
        return before;
      }),

    'vehicles.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await assertUnique(trx, 'vehicles', 'registration', input.registration, 'registration', 'vehicle');
        const id = newId('veh', ctx.now);
        await trx
          .insertInto('vehicles')
          .values({
            id,
            registration: input.registration,
            label: input.label,
            status: input.status,
            capabilities_json: JSON.stringify(input.capabilities),
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .execute();
        const after = await vehicleById(trx, id);
        await record({ entity: 'vehicle', id, action: 'vehicle.created', after });
        return after;
      }),

    'vehicles.update': ({ id, ...patch }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await vehicleById(trx, id);
        await assertUnique(trx, 'vehicles', 'registration', patch.registration, 'registration', 'vehicle', id);
        await trx
          .updateTable('vehicles')
          .set({
            registration: patch.registration,
            label: patch.label,
            status: patch.status,
            capabilities_json: patch.capabilities && JSON.stringify(patch.capabilities),
            updated_at: ctx.now,
          })
          .where('id', '=', id)
          .execute();
        const after = await vehicleById(trx, id);
        await record({ entity: 'vehicle', id, action: 'vehicle.updated', before, after });
        return after;
      }),

    'vehicles.delete': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await vehicleById(trx, id);
        if (before.technicianId) {
          const driver = await trx.selectFrom('technicians').select('name').where('id', '=', before.technicianId).executeTakeFirstOrThrow();
          throw new AppError('conflict', `Vehicle ${before.registration} is driven by ${driver.name} (${before.technicianId}); give them another vehicle or none first.`);
        }
        await trx.deleteFrom('vehicles').where('id', '=', id).execute();
        await record({ entity: 'vehicle', id, action: 'vehicle.deleted', before });
        return before;
      }),
  };
}
