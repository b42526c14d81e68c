import type { Kysely } from 'kysely';
import type { Calendar, Weekday } from '../../shared/schemas/calendar.schema';
import type { Priority } from '../../shared/schemas/common';
import type { AssignmentOrder, AssignmentTechnician, Candidate as EngineCandidate, Interval, ScoreTerms } from '../assignment';
import type { Database } from '../db/schema';
import { workingIntervals } from '../sla/intervals';
import { groupBy } from '../util/group-by';
import type { Candidate } from '../../shared/schemas/work-order.schema';

/** Orders in these states hold a technician's time (DOMAIN.md "current workload"). */
export const ACTIVE_STATUSES = ['assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'] as const;
const DAY_MS = 86_400_000;

export interface AssignmentRoster {
  technicians: AssignmentTechnician[];
  names: Map<string, string>;
}

/**
 * Technicians as the assignment engine sees them at `now`: shifts resolved to instants (yesterday to the day after
 * tomorrow, in each technician's zone), time off, and the remaining minutes of their active orders.
 * `excludeOrderIds` leaves orders out of the workload (the orders being re-decided).
 */
export async function loadRoster(db: Kysely<Database>, now: number, excludeOrderIds: readonly string[] = []): Promise<AssignmentRoster> {
  let workloadQuery = db
    .selectFrom('work_orders')
    .select(['technician_id', (eb) => eb.fn.sum<number>('estimated_minutes').as('minutes'), (eb) => eb.fn.countAll<number>().as('orders')])
    .where('status', 'in', ACTIVE_STATUSES)
    .where('technician_id', 'is not', null)
    .groupBy('technician_id');
  if (excludeOrderIds.length > 0) workloadQuery = workloadQuery.where('id', 'not in', excludeOrderIds);
  const [rows, skills, vehicles, shifts, timeOff, workload] = await Promise.all([
    db.selectFrom('technicians').selectAll().execute(),
    db.selectFrom('technician_skills').innerJoin('skills', 'skills.id', 'technician_skills.skill_id').select(['technician_id', 'skills.code', 'level', 'certified_until']).execute(),
    db.selectFrom('vehicles').selectAll().execute(),
    db.selectFrom('shifts').selectAll().execute(),
    db.selectFrom('time_off').selectAll().where('ends_at', '>', now).execute(),
    workloadQuery.execute(),
  ]);
  const skillsBy = groupBy(skills, (s) => s.technician_id);
  const shiftsBy = groupBy(shifts, (s) => s.technician_id);
  const timeOffBy = groupBy(timeOff, (t) => t.technician_id);
  const workloadBy = new Map(workload.map((w) => [w.technician_id, w]));
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  const technicians = rows.map((t): AssignmentTechnician => {
    const vehicle = t.vehicle_id ? vehicleById.get(t.vehicle_id) : undefined;
    const load = workloadBy.get(t.id);
    const week: Partial<Record<Weekday, [string, string][]>> = {};
    for (const s of shiftsBy.get(t.id) ?? []) (week[s.weekday as Weekday] ??= []).push([s.start_time, s.end_time]);
    const calendar = shiftCalendar(t.time_zone, week);
    return {
      id: t.id,
      status: t.status as AssignmentTechnician['status'],
      position: t.last_lat !== null && t.last_lon !== null ? { lat: t.last_lat, lon: t.last_lon } : { lat: t.home_lat, lon: t.home_lon },
      skills: (skillsBy.get(t.id) ?? []).map((s) => ({ skillCode: s.code, level: s.level, certifiedUntil: s.certified_until })),
      vehicle: vehicle ? { status: vehicle.status as 'in_service', capabilities: JSON.parse(vehicle.capabilities_json) as string[] } : null,
      shifts: workingIntervals(calendar, now - DAY_MS, now + 2 * DAY_MS) as Interval[],
      timeOff: (timeOffBy.get(t.id) ?? []).map((o) => [o.starts_at, o.ends_at] as Interval),
      capacityMinutes: t.daily_capacity_minutes,
      workloadMinutes: Number(load?.minutes ?? 0),
      activeOrders: Number(load?.orders ?? 0),
    };
  });
  return { technicians, names: new Map(rows.map((t) => [t.id, t.name])) };
}

const shiftCalendars = new Map<string, Calendar>();

/**
 * The same Calendar object for the same shift pattern, so the calculator's compiled form (cached per object) and
 * its per-day intervals are reused across requests instead of being rebuilt for every technician every time.
 */
function shiftCalendar(timeZone: string, week: Calendar['week']): Calendar {
  const key = `${timeZone}|${JSON.stringify(week)}`;
  let calendar = shiftCalendars.get(key);
  if (!calendar) {
    if (shiftCalendars.size >= 10_000) shiftCalendars.clear();
    calendar = { timeZone, week };
    shiftCalendars.set(key, calendar);
  }
  return calendar;
}

export interface OrderForAssignment {
  id: string;
  priority: Priority;
  site: { lat: number; lon: number };
  requiredSkills: { skillCode: string; minLevel: number }[];
  estimatedMinutes: number;
  vehicleCapabilities: string[];
  arrivalDueAt: number | null;
  preferredTechnicianId: string | null;
  excludedTechnicianIds: string[];
}

export function toAssignmentOrder(order: OrderForAssignment): AssignmentOrder {
  return {
    id: order.id,
    priority: order.priority,
    location: order.site,
    requiredSkills: order.requiredSkills,
    estimatedMinutes: order.estimatedMinutes,
    vehicleCapabilities: order.vehicleCapabilities,
    arrivalDueAt: order.arrivalDueAt,
    preferredTechnicianId: order.preferredTechnicianId,
    excludedTechnicianIds: order.excludedTechnicianIds,
  };
}

const TERM_LABELS: Record<keyof ScoreTerms, string> = {
  travel: 'Travel',
  slaSlack: 'SLA slack',
  workload: 'Workload',
  overQualification: 'Over-qualification',
  preferred: 'Preferred technician',
};

/** The engine's candidate in the contract's shape: every term with its cost and a sentence. */
export function toContractCandidate(candidate: EngineCandidate, names: Map<string, string>): Candidate {
  return {
    technicianId: candidate.technicianId,
    technicianName: names.get(candidate.technicianId) ?? candidate.technicianId,
    score: round(candidate.score),
    terms: (Object.keys(TERM_LABELS) as (keyof ScoreTerms)[]).map((term) => ({
      term: TERM_LABELS[term],
      cost: round(candidate.terms[term].contribution),
      detail: candidate.terms[term].explanation,
    })),
    reasons: candidate.reasons,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
