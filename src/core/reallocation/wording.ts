import { MINUTE_MS, span } from '../assignment/format';
import { inTime, stopAt, type Reach, type ReachResult } from './reach';
import type { CurrentPrediction, SwapOut, Target } from './types';

/**
 * The reasons a proposal states, in plain words and in minutes from now (the core knows no viewer's time zone),
 * so a dispatcher can check every figure by hand.
 */

type Names = ReadonlyMap<string, string>;

const nameOf = (names: Names, id: string) => names.get(id) ?? id;
const fromNow = (at: number, now: number) => span(Math.max(0, at - now) / MINUTE_MS);

/** "12 min before the arrival due" / "48 min after the arrival due". */
function against(stop: number, dueAt: number, metric: string): string {
  const minutes = (dueAt - stop) / MINUTE_MS;
  return inTime(stop, dueAt) ? `${span(minutes)} before the ${metric} due` : `${span(-minutes)} after the ${metric} due`;
}

/** How the technician gets there: "after 60 min of other work and a 21.7 min drive", or after his shift starts. */
function journey(r: Reach, now: number): string {
  const drive = `a ${span(r.travelMinutes)} drive`;
  const wait = (r.candidate.terms.slaSlack.departAt - now) / MINUTE_MS;
  if (wait <= 0) return drive;
  if (wait > r.busyMinutes) return `leaving when his shift starts in ${span(wait)}, then ${drive}`;
  return `after ${span(r.busyMinutes)} of other work and ${drive}`;
}

/** Arrival, and for resolution the end of the estimated work, against the target's due instant. */
function outcome(target: Target, r: Reach, now: number): string {
  const stop = stopAt(target.metric, r.arrivalAt, target.order.estimatedMinutes);
  const arrives = `arrives in ${fromNow(r.arrivalAt, now)} (${journey(r, now)})`;
  if (target.metric === 'arrival') return `${arrives}, ${against(stop, target.dueAt, 'arrival')}`;
  return `${arrives} and finishes the estimated ${span(target.order.estimatedMinutes)} of work ${against(stop, target.dueAt, 'resolution')}`;
}

export function currentNote(target: Target, r: ReachResult | null, names: Names, now: number): string {
  if (!target.technicianId) return `${target.number} has no technician yet.`;
  const who = nameOf(names, target.technicianId);
  if (!r) return `${who}, who holds ${target.number}, is not on the roster.`;
  if (!r.eligible) return `${who}, who holds ${target.number}, cannot take it now: ${r.violations.map((v) => v.message).join('; ')}.`;
  return `${who}, who holds ${target.number}, ${outcome(target, r, now)}.`;
}

function saving(current: CurrentPrediction, r: Reach, names: Names): string[] {
  if (current.arrivalAt === null || !current.technicianId) return [];
  return [`That is ${span((current.arrivalAt - r.arrivalAt) / MINUTE_MS)} earlier than ${nameOf(names, current.technicianId)}.`];
}

export function moveReasons(target: Target, current: CurrentPrediction, r: Reach, names: Names, now: number): string[] {
  return [`${nameOf(names, r.technicianId)} is eligible and ${outcome(target, r, now)}.`, ...saving(current, r, names)];
}

/** The held order's tightest margin where it goes: the least time left before any of its due instants. */
function heldMargin(out: SwapOut): string {
  if (out.dueAt === null) return '';
  const margin = Math.min(...out.held.dues.map((d) => d.dueAt - stopAt(d.metric, out.arrivalAt, out.held.order.estimatedMinutes)));
  return `, still ${span(margin / MINUTE_MS)} within its SLA`;
}

export function swapReasons(target: Target, current: CurrentPrediction, freed: Reach, out: SwapOut, names: Names, now: number): string[] {
  const { held } = out;
  const heldDue = out.dueAt === null ? 'no running arrival or resolution target' : `next due in ${fromNow(out.dueAt, now)}`;
  const heldStop = heldMargin(out);
  const where =
    out.toTechnicianId === null
      ? `${held.number} goes back to the queue: ${nameOf(names, out.byTechnicianId)} could still reach it in ${fromNow(out.arrivalAt, now)}${heldStop}.`
      : `${held.number} goes to ${nameOf(names, out.toTechnicianId)}, who arrives there in ${fromNow(out.arrivalAt, now)}${heldStop}.`;
  return [
    `${nameOf(names, freed.technicianId)} holds ${held.number} (${held.priority}, ${heldDue}); freed from it, he ${outcome(target, freed, now)}.`,
    where,
    ...saving(current, freed, names),
  ];
}

export function unresolvedReason(target: Target, eligible: readonly Reach[], checked: number, names: Names, now: number): string {
  if (eligible.length === 0) return `None of the ${checked} other technicians is eligible for ${target.number} now, and no lower-priority order frees one in time.`;
  const earliest = [...eligible].sort((a, b) => a.arrivalAt - b.arrivalAt)[0]!;
  const stop = stopAt(target.metric, earliest.arrivalAt, target.order.estimatedMinutes);
  if (inTime(stop, target.dueAt)) return `Nobody arrives earlier than the current technician; the earliest other, ${nameOf(names, earliest.technicianId)}, ${outcome(target, earliest, now)}.`;
  return `No eligible technician arrives in time, and no lower-priority order frees one: the earliest, ${nameOf(names, earliest.technicianId)}, ${outcome(target, earliest, now)}.`;
}
