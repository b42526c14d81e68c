import { Prng } from '../../demo/prng';
import type { GeoPoint } from '../../../shared/schemas/common';
import { assignmentConfig } from '../config';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, Interval } from '../types';

/**
 * Seeded assignment instances for tests and the benchmark (not used by the engine): technicians and sites scattered
 * over a city of `radiusKm`, with the mix of statuses, shifts, vehicles, certificates and SLA targets a dispatch
 * centre sees mid-morning. The same seed gives the same instance on every machine.
 */
export interface InstanceOptions {
  seed: number;
  orders: number;
  technicians: number;
  /** Size of the skill catalogue; each technician holds `skillsPerTech` of them. */
  skillCatalogue?: number;
  skillsPerTech?: readonly [min: number, max: number];
  capacity?: readonly [min: number, max: number];
  /** Share of the capacity already booked, drawn uniformly in this range. */
  booked?: readonly [min: number, max: number];
  durations?: readonly number[];
  radiusKm?: number;
}

const CENTRE: GeoPoint = { lat: 52.37, lon: 4.89 };
const NOW = Date.UTC(2026, 2, 2, 9, 0);
const HOUR = 3_600_000;
const CAPABILITIES = ['van', 'lift', 'refrigerant', 'ladder', 'trailer'];
/** Field jobs skew short: most take an hour or less, a few half a day (mean 87.5 min). */
const DURATIONS = [30, 30, 45, 45, 60, 60, 60, 90, 90, 120, 180, 240];

export function randomInstance(options: InstanceOptions): { orders: AssignmentOrder[]; technicians: AssignmentTechnician[]; config: AssignmentConfig } {
  const rng = new Prng(options.seed);
  const catalogue = Array.from({ length: options.skillCatalogue ?? 20 }, (_, i) => `skill-${i + 1}`);
  const [minSkills, maxSkills] = options.skillsPerTech ?? [8, 14];
  const [minCap, maxCap] = options.capacity ?? [300, 480];
  const [minBooked, maxBooked] = options.booked ?? [0, 0.1];
  const radius = options.radiusKm ?? 15;
  const point = (): GeoPoint => {
    const r = radius * Math.sqrt(rng.next());
    const a = 2 * Math.PI * rng.next();
    return { lat: CENTRE.lat + (r * Math.cos(a)) / 111.32, lon: CENTRE.lon + (r * Math.sin(a)) / (111.32 * Math.cos((CENTRE.lat * Math.PI) / 180)) };
  };

  const technicians: AssignmentTechnician[] = Array.from({ length: options.technicians }, (_, i) => {
    const skills = rng
      .shuffle(catalogue)
      .slice(0, rng.int(Math.min(minSkills, catalogue.length), Math.min(maxSkills, catalogue.length)))
      .map((skillCode) => ({
        skillCode,
        level: rng.int(1, 5),
        certifiedUntil: rng.chance(0.15) ? NOW + rng.int(-30, 300) * 24 * HOUR : null,
      }));
    const shiftKind = rng.next();
    const shifts: Interval[] =
      shiftKind < 0.87 ? [[NOW - rng.int(1, 3) * HOUR, NOW + rng.int(4, 8) * HOUR]] : shiftKind < 0.97 ? [[NOW + rng.int(1, 6) * HOUR, NOW + 14 * HOUR]] : [];
    const status = rng.chance(0.02) ? 'unavailable' : rng.chance(0.02) ? 'off_shift' : rng.chance(0.1) ? 'busy' : 'available';
    const capacityMinutes = rng.int(minCap / 15, maxCap / 15) * 15;
    return {
      id: `tech-${String(i + 1).padStart(4, '0')}`,
      status,
      position: point(),
      skills,
      vehicle: rng.chance(0.03)
        ? null
        : {
            status: rng.chance(0.95) ? 'in_service' : rng.chance(0.7) ? 'maintenance' : 'out_of_service',
            capabilities: CAPABILITIES.filter((c) => c === 'van' || rng.chance(0.35)),
          },
      shifts,
      timeOff: rng.chance(0.05) ? [[NOW + rng.int(0, 6) * HOUR, NOW + rng.int(7, 9) * HOUR]] : [],
      capacityMinutes,
      workloadMinutes: Math.round((capacityMinutes * (minBooked + (maxBooked - minBooked) * rng.next())) / 15) * 15,
      activeOrders: rng.int(0, 3),
      availableFrom: status === 'busy' ? NOW + rng.int(10, 90) * 60_000 : null,
    } satisfies AssignmentTechnician;
  });

  const orders: AssignmentOrder[] = Array.from({ length: options.orders }, (_, i) => {
    const priority = rng.pick(['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4', 'P4'] as const);
    const dueHours = { P1: [-1, 4], P2: [1, 8], P3: [3, 24], P4: [24, 72] }[priority];
    const codes = rng.shuffle(catalogue).slice(0, rng.chance(0.7) ? 1 : 2);
    return {
      id: `wo-${String(i + 1).padStart(4, '0')}`,
      priority,
      location: point(),
      requiredSkills: codes.map((skillCode) => ({ skillCode, minLevel: rng.pick([1, 2, 2, 3, 3, 4]) })),
      estimatedMinutes: rng.pick(options.durations ?? DURATIONS),
      vehicleCapabilities: rng.chance(0.6) ? [] : [rng.pick(CAPABILITIES)],
      arrivalDueAt: priority === 'P4' && rng.chance(0.5) ? null : NOW + Math.round(rng.int(dueHours[0]! * 60, dueHours[1]! * 60) * 60_000),
      preferredTechnicianId: rng.chance(0.1) ? `tech-${String(rng.int(1, options.technicians)).padStart(4, '0')}` : null,
      excludedTechnicianIds: rng.chance(0.05) ? [`tech-${String(rng.int(1, options.technicians)).padStart(4, '0')}`] : [],
    };
  });
  return { orders, technicians, config: assignmentConfig(NOW) };
}
