import type { Selectable, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import { isKnownTimeZone } from '../../shared/schemas/calendar.schema';
import type { ServiceRequestInput } from '../../shared/schemas/service-request.schema';
import { prepareQuery } from '../db/prepared-query';
import type { CustomerTable, Database, SiteTable } from '../db/schema';
import { newId } from '../db/ids';
import { zoneAt } from '../sla/site-zone';

export { zoneAt };

type Trx = Transaction<Database>;
type SiteRow = Selectable<SiteTable>;

// Prepared: most requests name their customer and site by id (see prepareQuery).
const selectCustomer = prepareQuery<{ id: string }, Selectable<CustomerTable>>((db, v) => db.selectFrom('customers').selectAll().where('id', '=', v.id));
const selectSite = prepareQuery<{ customerId: string; id: string }, SiteRow>((db, v) =>
  db.selectFrom('sites').selectAll().where('customer_id', '=', v.customerId).where('id', '=', v.id),
);

export interface ResolvedParty {
  customer: { id: string; name: string; contractCode: string | null; preferredTechnicianId: string | null; created: boolean };
  site: { id: string; name: string; lat: number; lon: number; timeZone: string; regionId: string | null; created: boolean };
}

const fieldError = (path: string, message: string) => new AppError('validation', `${path}: ${message}`, [{ path, message }]);

/**
 * Finds the customer and site a request names — by id, by the caller's external id, or inline — creating them on
 * first use so a partner system can send requests for customers the centre has never seen.
 */
export async function resolveParty(trx: Trx, input: ServiceRequestInput, now: number): Promise<ResolvedParty> {
  const customer = await resolveCustomer(trx, input.customer, now);
  const site = await resolveSite(trx, customer.id, input.site, now);
  return { customer, site };
}

async function resolveCustomer(trx: Trx, ref: ServiceRequestInput['customer'], now: number): Promise<ResolvedParty['customer']> {
  let row = ref.id
    ? (await selectCustomer(trx, { id: ref.id })).rows[0]
    : ref.externalId
      ? await trx.selectFrom('customers').selectAll().where('external_id', '=', ref.externalId).executeTakeFirst()
      : await trx.selectFrom('customers').selectAll().where('name', '=', ref.name!).where('external_id', 'is', null).executeTakeFirst();
  if (ref.id && !row) throw fieldError('customer.id', `no customer with id "${ref.id}"`);
  if (row) {
    return { id: row.id, name: row.name, contractCode: row.contract_code, preferredTechnicianId: row.preferred_technician_id, created: false };
  }
  if (!ref.name) throw fieldError('customer.name', 'required to create a customer the centre does not know yet');
  row = {
    id: newId('cus'),
    external_id: ref.externalId ?? null,
    name: ref.name,
    contract_code: ref.contractCode ?? null,
    preferred_technician_id: null,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('customers').values(row).execute();
  return { id: row.id, name: row.name, contractCode: row.contract_code, preferredTechnicianId: null, created: true };
}

async function resolveSite(trx: Trx, customerId: string, ref: ServiceRequestInput['site'], now: number): Promise<ResolvedParty['site']> {
  let row: SiteRow | undefined;
  if (ref.id) row = (await selectSite(trx, { customerId, id: ref.id })).rows[0];
  else {
    const query = trx.selectFrom('sites').selectAll().where('customer_id', '=', customerId);
    row = ref.externalId
      ? await query.where('external_id', '=', ref.externalId).executeTakeFirst()
      : await query.where('name', '=', ref.name!).where('lat', '=', ref.lat!).where('lon', '=', ref.lon!).executeTakeFirst();
  }
  if (ref.id && !row) throw fieldError('site.id', `no site "${ref.id}" for this customer`);
  if (row) {
    return { id: row.id, name: row.name, lat: row.lat, lon: row.lon, timeZone: row.time_zone ?? zoneAt(row.lat, row.lon), regionId: row.region_id, created: false };
  }
  for (const key of ['name', 'address', 'lat', 'lon'] as const) {
    if (ref[key] === undefined) throw fieldError(`site.${key}`, 'required to create a site the centre does not know yet');
  }
  const timeZone = ref.timeZone ?? zoneAt(ref.lat!, ref.lon!);
  if (ref.timeZone && !isKnownTimeZone(ref.timeZone)) throw fieldError('site.timeZone', 'must be an IANA time zone');
  const created = {
    id: newId('site'),
    customer_id: customerId,
    external_id: ref.externalId ?? null,
    name: ref.name!,
    address: ref.address!,
    lat: ref.lat!,
    lon: ref.lon!,
    time_zone: timeZone,
    region_id: await nearestRegion(trx, ref.lat!, ref.lon!),
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('sites').values(created).execute();
  return { id: created.id, name: created.name, lat: created.lat, lon: created.lon, timeZone, regionId: created.region_id, created: true };
}

/** New sites join the region whose centre is nearest; a centre without regions leaves them unassigned. */
async function nearestRegion(trx: Trx, lat: number, lon: number): Promise<string | null> {
  const regions = await trx.selectFrom('regions').select(['id', 'center_lat', 'center_lon']).execute();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const r of regions) {
    const d = (r.center_lat - lat) ** 2 + ((r.center_lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = r.id;
    }
  }
  return best;
}
