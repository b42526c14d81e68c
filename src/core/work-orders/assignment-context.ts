import type { InferResult, Kysely } from 'kysely';
import type { Priority } from '../../shared/schemas/common';
import type { AssignmentOrder, AssignmentTechnician, Candidate as EngineCandidate, Interval, ScoreTerms } from '../assignment';
import { prepareQuery } from '../db/prepared-query';
import type { Database } from '../db/schema';
import { workingIntervals } from '../sla/intervals';
import { groupBy } from '../util/group-by';
import { loadStaticTechnicians, type RosterCache } from './roster-cache';
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
 * `excludeOrderIds` leaves orders out of the workload (the orders being re-decided). With a `cache`, the
 * slow-changing facts come from it; status, position, time off and workload are always read fresh.
 */
export async function loadRoster(
  db: Kysely<Database>,
  now: number,
  excludeOrderIds: readonly string[] = [],
  cache?: RosterCache,
): Promise<AssignmentRoster> {
  const [rows, timeOff, workload] = await Promise.all([
    selectTechnicianStates(db, {}).then((r) => r.rows),
    selectTimeOff(db, { now }).then((r) => r.rows),
    excludeOrderIds.length === 1
      ? selectWorkloadExcept(db, { orderId: excludeOrderIds[0]! }).then((r) => r.rows)
      : workloadQuery(db, excludeOrderIds).execute(),
  ]);
  const ids = rows.map((t) => t.id);
  const statics = cache ? await cache.get(db, ids) : await loadStaticTechnicians(db);
  const timeOffBy = groupBy(timeOff, (t) => t.technician_id);
  const workloadBy = new Map(workload.map((w) => [w.technician_id, w]));
  const names = new Map<string, string>();
  const technicians = rows.map((t): AssignmentTechnician => {
    const fixed = statics.get(t.id)!;
    const load = workloadBy.get(t.id);
    names.set(t.id, fixed.name);
    return {
      id: t.id,
      status: t.status as AssignmentTechnician['status'],
      position: t.last_lat !== null && t.last_lon !== null ? { lat: t.last_lat, lon: t.last_lon } : { ...fixed.home },
      skills: fixed.skills,
      vehicle: fixed.vehicle,
      shifts: workingIntervals(fixed.calendar, now - DAY_MS, now + 2 * DAY_MS) as Interval[],
      timeOff: (timeOffBy.get(t.id) ?? []).map((o) => [o.starts_at, o.ends_at] as Interval),
      capacityMinutes: fixed.capacityMinutes,
      workloadMinutes: Number(load?.minutes ?? 0),
      activeOrders: Number(load?.orders ?? 0),
    };
  });
  return { technicians, names };
}

/** Minutes and count of the active orders each technician holds, leaving `excludeOrderIds` out. */
function workloadQuery(db: Kysely<Database>, excludeOrderIds: readonly string[]) {
  const query = db
    .selectFrom('work_orders')
    .select(['technician_id', (eb) => eb.fn.sum<number>('estimated_minutes').as('minutes'), (eb) => eb.fn.countAll<number>().as('orders')])
    .where('status', 'in', ACTIVE_STATUSES)
    .where('technician_id', 'is not', null)
    .groupBy('technician_id');
  return excludeOrderIds.length > 0 ? query.where('id', 'not in', excludeOrderIds) : query;
}

// Prepared: every proposal for one order reads these (see prepareQuery).
const selectTechnicianStates = prepareQuery<Record<string, never>, { id: string; status: string; last_lat: number | null; last_lon: number | null }>((db) =>
  db.selectFrom('technicians').select(['id', 'status', 'last_lat', 'last_lon']),
);
const selectTimeOff = prepareQuery<{ now: number }, { technician_id: string; starts_at: number; ends_at: number }>((db, v) =>
  db.selectFrom('time_off').select(['technician_id', 'starts_at', 'ends_at']).where('ends_at', '>', v.now),
);
const selectWorkloadExcept = prepareQuery<{ orderId: string }, InferResult<ReturnType<typeof workloadQuery>>[number]>((db, v) => workloadQuery(db, [v.orderId]));

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
