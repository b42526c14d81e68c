import { WEEKDAYS } from '@shared/schemas/calendar.schema';
import type { Technician } from '@shared/schemas/reference.schema';
import { dayRuns } from './calendar';

/** "elec 3 · hvac 2": skill codes with their levels, strongest first. */
export const formatSkills = (technician: Technician): string =>
  [...technician.skills]
    .sort((a, b) => b.level - a.level || a.skillCode.localeCompare(b.skillCode))
    .map((s) => `${s.skillCode} ${s.level}`)
    .join(' · ');

const VEHICLE_STATUS: Record<NonNullable<Technician['vehicle']>['status'], string> = {
  in_service: '',
  maintenance: ' (maintenance)',
  out_of_service: ' (out of service)',
};

export const formatVehicle = (technician: Technician): string =>
  technician.vehicle
    ? `${technician.vehicle.label} · ${technician.vehicle.registration}${VEHICLE_STATUS[technician.vehicle.status]}`
    : 'No vehicle';

/** Where to draw a technician: the last reported position, else the home base. */
export const whereIs = (technician: Technician): { lat: number; lon: number; reported: boolean } =>
  technician.position
    ? { lat: technician.position.lat, lon: technician.position.lon, reported: true }
    : { lat: technician.home.lat, lon: technician.home.lon, reported: false };

/** "Mon–Fri 08:00–16:30 · Sat 09:00–13:00": shifts grouped by hours, weekdays merged into runs. */
export function formatShifts(technician: Technician): string {
  const byHours = new Map<string, Set<string>>();
  for (const shift of technician.shifts) {
    const hours = `${shift.start}–${shift.end}`;
    byHours.set(hours, (byHours.get(hours) ?? new Set()).add(shift.weekday.toLowerCase().slice(0, 3)));
  }
  return [...byHours].map(([hours, days]) => `${dayRuns(WEEKDAYS.map((d) => days.has(d)))} ${hours}`).join(' · ');
}
