import { RegionBoundary } from '../../shared/schemas/reference.schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { decodeCursor, encodeCursor } from '../util/cursor';
import { groupBy } from '../util/group-by';
import { loadCalendars } from './calendar-queries';
import { loadCategories } from './category-queries';
import { loadPolicies } from './policy-queries';
import { loadTechnicians } from './technician-queries';
import { loadVehicles } from './vehicle-queries';

type Names =
  | 'regions.list'
  | 'skills.list'
  | 'categories.list'
  | 'vehicles.list'
  | 'technicians.list'
  | 'customers.list'
  | 'calendars.list'
  | 'slaPolicies.list';

export function createReferenceHandlers({ db }: CoreDeps): HandlerMap<Names> {
  return {
    'regions.list': async () =>
      (await db.selectFrom('regions').selectAll().orderBy('name').execute()).map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        center: { lat: r.center_lat, lon: r.center_lon },
        boundary: parseBoundary(r.boundary_geojson),
      })),

    'skills.list': async () => db.selectFrom('skills').select(['id', 'code', 'name']).orderBy('name').execute(),

    'categories.list': async () => loadCategories(db),

    'vehicles.list': async () => loadVehicles(db),

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

    'slaPolicies.list': async () => loadPolicies(db),
  };
}

/** A stored boundary that is not valid GeoJSON of the expected shape is left off (the map falls back to a grid). */
function parseBoundary(text: string | null): RegionBoundary | null {
  if (!text) return null;
  try {
    const parsed = RegionBoundary.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
