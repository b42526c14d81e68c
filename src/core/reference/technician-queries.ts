import type { Kysely } from 'kysely';
import { WEEKDAYS } from '../../shared/schemas/calendar.schema';
import type { Technician } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { groupBy } from '../util/group-by';

const weekdayIndex = (weekday: string) => WEEKDAYS.indexOf(weekday as (typeof WEEKDAYS)[number]);

/** Technicians with skills, vehicle and shifts, in four queries whatever the roster size; all, or the ones named. */
export async function loadTechnicians(db: Kysely<Database>, ids?: readonly string[]): Promise<Technician[]> {
  if (ids && ids.length === 0) return [];
  let technicians = db.selectFrom('technicians').selectAll().orderBy('name');
  let skills = db
    .selectFrom('technician_skills')
    .innerJoin('skills', 'skills.id', 'technician_skills.skill_id')
    .select(['technician_skills.technician_id', 'skills.code', 'technician_skills.level', 'technician_skills.certified_until'])
    .orderBy('skills.code');
  let shifts = db.selectFrom('shifts').selectAll().orderBy('start_time');
  if (ids) {
    technicians = technicians.where('id', 'in', ids);
    skills = skills.where('technician_skills.technician_id', 'in', ids);
    shifts = shifts.where('technician_id', 'in', ids);
  }
  const [rows, skillRows, vehicles, shiftRows] = await Promise.all([
    technicians.execute(),
    skills.execute(),
    db.selectFrom('vehicles').selectAll().execute(),
    shifts.execute(),
  ]);
  const skillsBy = groupBy(skillRows, (s) => s.technician_id);
  const shiftsBy = groupBy(shiftRows, (s) => s.technician_id);
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
      // Monday first, then by start: the order a roster is read in.
      shifts: (shiftsBy.get(r.id) ?? [])
        .sort((a, b) => weekdayIndex(a.weekday) - weekdayIndex(b.weekday) || a.start_time.localeCompare(b.start_time))
        .map((s) => ({ weekday: s.weekday, start: s.start_time, end: s.end_time })),
      timeZone: r.time_zone,
      active: r.active === 1,
    };
  });
}
