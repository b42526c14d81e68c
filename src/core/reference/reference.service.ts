import type { MethodOutput } from '../../shared/contract';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { decodeCursor, encodeCursor } from '../util/cursor';
import { groupBy } from '../util/group-by';
import { loadCalendars } from './calendar-queries';
import { loadTechnicians } from './technician-queries';

type Names = 'regions.list' | 'skills.list' | 'categories.list' | 'technicians.list' | 'customers.list' | 'calendars.list' | 'slaPolicies.list';

export function createReferenceHandlers({ db }: CoreDeps): HandlerMap<Names> {
  return {
    'regions.list': async () =>
      (await db.selectFrom('regions').selectAll().orderBy('name').execute()).map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        center: { lat: r.center_lat, lon: r.center_lon },
      })),

    'skills.list': async () => db.selectFrom('skills').select(['id', 'code', 'name']).orderBy('name').execute(),

    'categories.list': async () => {
      const [rows, skills] = await Promise.all([
        db.selectFrom('categories').selectAll().orderBy('code').execute(),
        db
          .selectFrom('category_skills')
          .innerJoin('skills', 'skills.id', 'category_skills.skill_id')
          .select(['category_skills.category_id', 'skills.code', 'category_skills.min_level'])
          .execute(),
      ]);
      const skillsByCategory = groupBy(skills, (s) => s.category_id);
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        defaultPriority: r.default_priority as MethodOutput<'categories.list'>[number]['defaultPriority'],
        estimatedMinutes: r.estimated_minutes,
        requiredSkills: (skillsByCategory.get(r.id) ?? []).map((s) => ({ skillCode: s.code, minLevel: s.min_level })),
        vehicleCapabilities: JSON.parse(r.vehicle_capabilities_json),
        complianceFields: JSON.parse(r.compliance_fields_json),
        diagnosticParams: JSON.parse(r.diagnostic_params_json),
        active: r.active === 1,
      }));
    },

    'technicians.list': async (_input, { principal }) => {
      const all = await loadTechnicians(db);
      return principal?.role === 'technician' ? all.filter((t) => t.id === principal.technicianId) : all;
    },

    'customers.list': async ({ limit, cursor, search }) => {
      let query = db.selectFrom('customers').selectAll().orderBy('name').orderBy('id').limit(limit + 1);
      if (search) query = query.where('name', 'like', `%${search.replace(/[%_]/g, '')}%`);
      if (cursor) {
        const [name, id] = decodeCursor<[string, string]>(cursor, 2);
        query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
      }
      const rows = await query.execute();
      const pageRows = rows.slice(0, limit);
      const sites = pageRows.length
        ? await db.selectFrom('sites').selectAll().where('customer_id', 'in', pageRows.map((r) => r.id)).orderBy('name').execute()
        : [];
      const sitesByCustomer = groupBy(sites, (s) => s.customer_id);
      const last = pageRows.at(-1);
      return {
        items: pageRows.map((r) => ({
          id: r.id,
          externalId: r.external_id,
          name: r.name,
          contractCode: r.contract_code,
          sites: (sitesByCustomer.get(r.id) ?? []).map((s) => ({
            id: s.id,
            name: s.name,
            address: s.address,
            lat: s.lat,
            lon: s.lon,
            regionId: s.region_id,
          })),
        })),
        nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    },

    'calendars.list': async () => loadCalendars(db),

    'slaPolicies.list': async () => {
      const [rows, targets] = await Promise.all([
        db.selectFrom('sla_policies').selectAll().orderBy('rank', 'desc').orderBy('name').execute(),
        db.selectFrom('sla_targets').selectAll().execute(),
      ]);
      const targetsBy = groupBy(targets, (t) => t.policy_id);
      type Policy = MethodOutput<'slaPolicies.list'>[number];
      return rows.map(
        (r): Policy => ({
          id: r.id,
          name: r.name,
          rank: r.rank,
          match: {
            priority: r.priority as Policy['match']['priority'],
            categoryId: r.category_id,
            customerId: r.customer_id,
            contractCode: r.contract_code,
          },
          calendarId: r.calendar_id,
          zoneMode: r.zone_mode as Policy['zoneMode'],
          targets: (targetsBy.get(r.id) ?? []).map((t) => ({ metric: t.metric as Policy['targets'][number]['metric'], targetSeconds: t.target_seconds })),
          warningThresholds: JSON.parse(r.warning_thresholds_json),
          pausingReasons: JSON.parse(r.pausing_reasons_json),
          active: r.active === 1,
        }),
      );
    },
  };
}
