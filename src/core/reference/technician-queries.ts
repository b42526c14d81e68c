import type { Kysely } from 'kysely';
import type { Technician } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { groupBy } from '../util/group-by';

/** Technicians with skills, vehicle and shifts, in four queries whatever the roster size. */
export async function loadTechnicians(db: Kysely<Database>): Promise<Technician[]> {
  const [rows, skills, vehicles, shifts] = await Promise.all([
    db.selectFrom('technicians').selectAll().orderBy('name').execute(),
    db
      .selectFrom('technician_skills')
      .innerJoin('skills', 'skills.id', 'technician_skills.skill_id')
      .select(['technician_skills.technician_id', 'skills.code', 'technician_skills.level', 'technician_skills.certified_until'])
      .execute(),
    db.selectFrom('vehicles').selectAll().execute(),
    db.selectFrom('shifts').selectAll().orderBy('start_time').execute(),
  ]);
  const skillsBy = groupBy(skills, (s) => s.technician_id);
  const shiftsBy = groupBy(shifts, (s) => s.technician_id);
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  return rows.map((r) => {
    const vehicle = r.vehicle_id ? vehicleById.get(r.vehicle_id) : undefined;
    return {
      id: r.id,
      externalId: r.external_id,
      name: r.name,
      team: r.team,
      regionId: r.region_id,
      status: r.status as Technician['status'],
      home: { lat: r.home_lat, lon: r.home_lon },
      position:
        r.last_lat !== null && r.last_lon !== null && r.last_position_at !== null
          ? { lat: r.last_lat, lon: r.last_lon, at: r.last_position_at }
          : null,
      dailyCapacityMinutes: r.daily_capacity_minutes,
      skills: (skillsBy.get(r.id) ?? []).map((s) => ({ skillCode: s.code, level: s.level, certifiedUntil: s.certified_until })),
      vehicle: vehicle
        ? {
            id: vehicle.id,
            registration: vehicle.registration,
            label: vehicle.label,
            status: vehicle.status as NonNullable<Technician['vehicle']>['status'],
            capabilities: JSON.parse(vehicle.capabilities_json) as string[],
          }
        : null,
      shifts: (shiftsBy.get(r.id) ?? []).map((s) => ({ weekday: s.weekday, start: s.start_time, end: s.end_time })),
    };
  });
}
