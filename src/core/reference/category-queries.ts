import type { Kysely } from 'kysely';
import type { Category } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { groupBy } from '../util/group-by';

/** Categories with their required skills, by code; all, or the ones named. */
export async function loadCategories(db: Kysely<Database>, ids?: readonly string[]): Promise<Category[]> {
  if (ids && ids.length === 0) return [];
  let categories = db.selectFrom('categories').selectAll().orderBy('code');
  let skills = db
    .selectFrom('category_skills')
    .innerJoin('skills', 'skills.id', 'category_skills.skill_id')
    .select(['category_skills.category_id', 'skills.code', 'category_skills.min_level'])
    .orderBy('skills.code');
  if (ids) {
    categories = categories.where('id', 'in', ids);
    skills = skills.where('category_skills.category_id', 'in', ids);
  }
  const [rows, skillRows] = await Promise.all([categories.execute(), skills.execute()]);
  const skillsByCategory = groupBy(skillRows, (s) => s.category_id);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    defaultPriority: r.default_priority,
    estimatedMinutes: r.estimated_minutes,
    requiredSkills: (skillsByCategory.get(r.id) ?? []).map((s) => ({ skillCode: s.code, minLevel: s.min_level })),
    vehicleCapabilities: JSON.parse(r.vehicle_capabilities_json),
    complianceFields: JSON.parse(r.compliance_fields_json),
    diagnosticParams: JSON.parse(r.diagnostic_params_json),
    active: r.active === 1,
  }));
}
