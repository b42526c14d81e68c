import type { Transaction } from 'kysely';
import type { Category } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import type { Database } from '../db/schema';
import { loadCategories } from '../reference/category-queries';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { assertUnique, assertUnused, requireEntity, skillIdsOf } from './admin-guards';

type Trx = Transaction<Database>;

async function categoryById(trx: Trx, id: string): Promise<Category> {
  return requireEntity((await loadCategories(trx, [id]))[0], 'category', id);
}

async function replaceRequiredSkills(trx: Trx, categoryId: string, skills: readonly { skillCode: string; minLevel: number }[]): Promise<void> {
  const ids = await skillIdsOf(trx, skills.map((s) => s.skillCode), 'requiredSkills');
  await trx.deleteFrom('category_skills').where('category_id', '=', categoryId).execute();
  if (ids.length === 0) return;
  await trx
    .insertInto('category_skills')
    .values(ids.map((skillId, i) => ({ category_id: categoryId, skill_id: skillId, min_level: skills[i]!.minLevel })))
    .execute();
}

const json = <T>(value: T | undefined) => (value === undefined ? undefined : JSON.stringify(value));

/**
 * Work categories. An edit changes what new orders get; orders already created keep the task scope (skills,
 * duration, vehicle, compliance fields) copied into them at intake.
 */
export function createCategoryHandlers(deps: CoreDeps): HandlerMap<'categories.create' | 'categories.update' | 'categories.delete'> {
  return {
    'categories.create': (input, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        await assertUnique(trx, 'categories', 'code', input.code, 'code', 'category');
        const id = newId('cat', ctx.now);
        await trx
          .insertInto('categories')
          .values({
            id,
            code: input.code,
            name: input.name,
            default_priority: input.defaultPriority,
            estimated_minutes: input.estimatedMinutes,
            vehicle_capabilities_json: JSON.stringify(input.vehicleCapabilities),
            compliance_fields_json: JSON.stringify(input.complianceFields),
            diagnostic_params_json: JSON.stringify(input.diagnosticParams),
            active: input.active ? 1 : 0,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .execute();
        await replaceRequiredSkills(trx, id, input.requiredSkills);
        const after = await categoryById(trx, id);
        await record({ entity: 'category', id, action: 'category.created', after });
        return after;
      }),

    'categories.update': ({ id, ...patch }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await categoryById(trx, id);
        await trx
          .updateTable('categories')
          .set({
            name: patch.name,
            default_priority: patch.defaultPriority,
            estimated_minutes: patch.estimatedMinutes,
            vehicle_capabilities_json: json(patch.vehicleCapabilities),
            compliance_fields_json: json(patch.complianceFields),
            diagnostic_params_json: json(patch.diagnosticParams),
            active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
            updated_at: ctx.now,
          })
          .where('id', '=', id)
          .execute();
        if (patch.requiredSkills) await replaceRequiredSkills(trx, id, patch.requiredSkills);
        const after = await categoryById(trx, id);
        await record({ entity: 'category', id, action: 'category.updated', before, after });
        return after;
      }),

    'categories.delete': ({ id }, ctx) =>
      adminChange(deps, ctx, async ({ trx, record }) => {
        const before = await categoryById(trx, id);
        await assertUnused(
          trx,
          `category ${before.code}`,
          id,
          [
            { table: 'work_orders', column: 'category_id', label: ['work order', 'work orders'] },
            { table: 'sla_policies', column: 'category_id', label: ['SLA policy', 'SLA policies'] },
          ],
          'Retire it with active: false instead.',
        );
        await trx.deleteFrom('categories').where('id', '=', id).execute();
        await record({ entity: 'category', id, action: 'category.deleted', before });
        return before;
      }),
  };
}
