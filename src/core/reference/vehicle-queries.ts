import type { Kysely } from 'kysely';
import type { Vehicle } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';

/** Vehicles with the technician driving each, by registration; all, or the ones named. */
export async function loadVehicles(db: Kysely<Database>, ids?: readonly string[]): Promise<Vehicle[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('vehicles')
    .leftJoin('technicians', 'technicians.vehicle_id', 'vehicles.id')
    .select(['vehicles.id', 'vehicles.registration', 'vehicles.label', 'vehicles.status', 'vehicles.capabilities_json', 'technicians.id as technician_id'])
    .orderBy('vehicles.registration');
  if (ids) query = query.where('vehicles.id', 'in', ids);
  return (await query.execute()).map((v) => ({
    id: v.id,
    registration: v.registration,
    label: v.label,
    status: v.status,
    capabilities: JSON.parse(v.capabilities_json) as string[],
    technicianId: v.technician_id,
  }));
}
