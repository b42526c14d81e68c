import { MINUTE_MS, num, span } from './format';
import { greatCircleKm, travelMinutes } from './geo';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, RequiredSkill, Violation } from './types';

/**
 * The hard constraints of DOMAIN.md "Assignment". One code path serves two callers: the hot loops (ranking 2,000
 * technicians, filling a 1,000 × 300 cost table) pass no sink and stop at the first failure without allocating; the
 * explanation path passes a sink and gets every violation worded. Keeping both in one place means the reported
 * reasons can never disagree with the decision.
 *
 * Rules chosen where DOMAIN.md is silent (pinned by constraints.test.ts):
 * - `unavailable` technicians are never eligible; `off_shift` means clocked out, so only a LATER shift can count
 *   (the same rule as a technician whose calendar has no shift now); `busy` is eligible: its work is in the workload.
 * - A technician off shift qualifies when the next shift starts early enough that leaving at its start still
 *   arrives by the SLA arrival due; an order without an arrival target accepts any later shift given.
 * - Time off blocks the technician when it overlaps the job window [departure, arrival + estimated duration).
 * - A technician with a vehicle needs it in service; one without a vehicle can only take orders that require no
 *   vehicle capability.
 * - A certificate is valid up to and including `certifiedUntil`.
 */

/*
 * Ranking one order against 2,000 technicians reports why each of the ~1,500 ineligible ones is out; allocating a
 * fresh violation for each would keep the garbage collector busy enough to show in the p99. Violations that read the
 * same for every technician are therefore frozen and shared: constants below, and per-requirement ones cached.
 */
const UNAVAILABLE: Violation = Object.freeze({ constraint: 'status', message: 'is unavailable' });
const EXCLUDED: Violation = Object.freeze({ constraint: 'excluded', message: 'is excluded from this order (e.g. rejected it)' });
const NO_SHIFT: Violation = Object.freeze({ constraint: 'shift', message: 'is off shift with no later shift scheduled' });
const IN_MAINTENANCE: Violation = Object.freeze({ constraint: 'vehicle', message: 'has a vehicle in maintenance' });
const OUT_OF_SERVICE: Violation = Object.freeze({ constraint: 'vehicle', message: 'has a vehicle out of service' });

/** Skill shortfalls by requirement and held level (0 = not held): a handful per requirement. */
const shortfalls = new WeakMap<RequiredSkill, Violation[]>();
function skillShortfall(required: RequiredSkill, level: number): Violation {
  let byLevel = shortfalls.get(required);
  if (!byLevel) shortfalls.set(required, (byLevel = []));
  return (byLevel[level] ??= Object.freeze({
    constraint: 'skill',
    message:
      level === 0
        ? `lacks skill ${required.skillCode} (needs level ${required.minLevel})`
        : `has ${required.skillCode} at level ${level}, below the required ${required.minLevel}`,
  }));
}

/** Vehicle violations depend on capability names only; their vocabulary is small, so this cache stays small. */
const vehicleViolations = new Map<string, Violation>();
function vehicleViolation(message: string): Violation {
  let violation = vehicleViolations.get(message);
  if (!violation) vehicleViolations.set(message, (violation = Object.freeze({ constraint: 'vehicle', message })));
  return violation;
}

/** What the objective needs from a probe; one object is reused across a whole loop. */
export interface Probe {
  distanceKm: number;
  travelMinutes: number;
  departAt: number;
  arrivalAt: number;
  /** Levels above the minimum, summed over the required skills. */
  excessLevels: number;
}

export const newProbe = (): Probe => ({ distanceKm: 0, travelMinutes: 0, departAt: 0, arrivalAt: 0, excessLevels: 0 });

/**
 * Checks every hard constraint and fills `out`; true when eligible. Without a sink it returns at the first failure;
 * with one it records every violation (the probe is then only meaningful when the result is true).
 */
export function checkConstraints(
  order: AssignmentOrder,
  tech: AssignmentTechnician,
  config: AssignmentConfig,
  out: Probe,
  sink: Violation[] | null,
): boolean {
  const now = config.now;
  let ok = true;
  if (tech.status === 'unavailable') {
    if (!sink) return false;
    ok = false;
    sink.push(UNAVAILABLE);
  }
  if (order.excludedTechnicianIds.includes(tech.id)) {
    if (!sink) return false;
    ok = false;
    sink.push(EXCLUDED);
  }
  if (!checkSkills(order, tech, now, out, sink)) {
    if (!sink) return false;
    ok = false;
  }
  if (!checkVehicle(order, tech, sink)) {
    if (!sink) return false;
    ok = false;
  }
  const left = tech.capacityMinutes - tech.workloadMinutes;
  if (left < order.estimatedMinutes) {
    if (!sink) return false;
    ok = false;
    const message = `has ${num(Math.max(0, left))} of ${num(tech.capacityMinutes)} min capacity left, the order needs ${num(order.estimatedMinutes)} min`;
    sink.push({ constraint: 'capacity', message });
  }
  return checkTime(order, tech, config, out, sink) && ok;
}

/** Shift and time off, which depend on when the technician can leave and how long the trip takes. */
function checkTime(order: AssignmentOrder, tech: AssignmentTechnician, config: AssignmentConfig, out: Probe, sink: Violation[] | null): boolean {
  const now = config.now;
  out.distanceKm = greatCircleKm(tech.position, order.location);
  out.travelMinutes = travelMinutes(tech.position, order.location, out.distanceKm, config);
  const travelMs = out.travelMinutes * MINUTE_MS;
  const readyAt = Math.max(now, tech.availableFrom ?? now);
  let onShift = false;
  let nextStart = Infinity;
  for (const [start, end] of tech.shifts) {
    if (start <= now && now < end) onShift = true;
    else if (start > now && start < nextStart) nextStart = start;
  }
  if (tech.status === 'off_shift') onShift = false;
  let ok = true;
  if (onShift) out.departAt = readyAt;
  else if (nextStart !== Infinity) {
    out.departAt = Math.max(nextStart, readyAt);
    const due = order.arrivalDueAt;
    if (due !== null && out.departAt + travelMs > due) {
      if (!sink) return false;
      ok = false;
      const late = (out.departAt + travelMs - due) / MINUTE_MS;
      sink.push({
        constraint: 'shift',
        message: `is off shift; the next shift starts in ${span((nextStart - now) / MINUTE_MS)}, and arriving ${num(out.travelMinutes)} min after that misses the arrival due by ${span(late)}`,
      });
    }
  } else {
    if (!sink) return false;
    // No departure exists, so there is no job window to test time off against.
    sink.push(NO_SHIFT);
    return false;
  }
  out.arrivalAt = out.departAt + travelMs;
  const jobEnd = out.arrivalAt + order.estimatedMinutes * MINUTE_MS;
  for (const [start, end] of tech.timeOff) {
    if (start < jobEnd && end > out.departAt) {
      if (!sink) return false;
      const when = start > now ? `starting in ${span((start - now) / MINUTE_MS)}` : `until ${span((end - now) / MINUTE_MS)} from now`;
      sink.push({ constraint: 'time_off', message: `has time off ${when}, overlapping the job` });
      return false;
    }
  }
  return ok;
}

function checkSkills(order: AssignmentOrder, tech: AssignmentTechnician, now: number, out: Probe, sink: Violation[] | null): boolean {
  let ok = true;
  let excess = 0;
  for (const required of order.requiredSkills) {
    const held = findSkill(tech, required.skillCode);
    if (held !== undefined && held.level >= required.minLevel && (held.certifiedUntil === null || held.certifiedUntil >= now)) {
      excess += held.level - required.minLevel;
      continue;
    }
    if (!sink) return false;
    ok = false;
    if (held === undefined || held.level < required.minLevel) sink.push(skillShortfall(required, held?.level ?? 0));
    else {
      const ago = span((now - held.certifiedUntil!) / MINUTE_MS);
      sink.push({ constraint: 'certification', message: `has a ${required.skillCode} certification that expired ${ago} ago` });
    }
  }
  out.excessLevels = excess;
  return ok;
}

/** A linear scan: a technician holds 8–14 skills, fewer than it takes for a Map to pay for being built. */
function findSkill(tech: AssignmentTechnician, code: string) {
  const skills = tech.skills;
  for (let i = 0; i < skills.length; i++) if (skills[i]!.skillCode === code) return skills[i];
  return undefined;
}

function checkVehicle(order: AssignmentOrder, tech: AssignmentTechnician, sink: Violation[] | null): boolean {
  const needs = order.vehicleCapabilities;
  const vehicle = tech.vehicle;
  if (vehicle === null) {
    if (needs.length === 0) return true;
    sink?.push(vehicleViolation(`has no vehicle, the order needs ${needs.join(', ')}`));
    return false;
  }
  let ok = true;
  if (vehicle.status !== 'in_service') {
    if (!sink) return false;
    ok = false;
    sink.push(vehicle.status === 'maintenance' ? IN_MAINTENANCE : OUT_OF_SERVICE);
  }
  for (const capability of needs) {
    if (!vehicle.capabilities.includes(capability)) {
      if (!sink) return false;
      ok = false;
      sink.push(vehicleViolation(`has a vehicle without ${capability}`));
    }
  }
  return ok;
}
