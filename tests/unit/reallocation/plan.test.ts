import { describe, expect, it } from 'vitest';
import type { AssignmentTechnician } from '../../../src/core/assignment';
import { config, HOUR, MIN, north, NOW, order, technician } from '../../../src/core/assignment/testing/fixtures';
import { compareProposals, planReallocation } from '../../../src/core/reallocation/plan';
import type { HeldOrder, PlannedProposal, Target } from '../../../src/core/reallocation/types';

// Distances run along a meridian, so the drive is exact: km × 1.3 road factor ÷ 40 km/h × 60 = km × 1.95 min.
const FAR = technician({ id: 'far', position: north(40) }); // 78 min
const NEAR = technician({ id: 'near', position: north(10) }); // 19.5 min
const MID = technician({ id: 'mid', position: north(20) }); // 39 min
const names = new Map([
  ['far', 'Fay Far'],
  ['near', 'Nico Near'],
  ['mid', 'Mia Mid'],
  ['other', 'Otto Other'],
]);

function target(overrides: Partial<Target> = {}): Target {
  return {
    orderId: 'wo-1',
    number: 'WO-2026-000001',
    priority: 'P1',
    metric: 'arrival',
    dueAt: NOW + 60 * MIN,
    technicianId: 'far',
    order: order({ priority: 'P1', arrivalDueAt: NOW + 60 * MIN }),
    ...overrides,
  };
}

/** A P4 far from the at-risk site (at FAR's position) with hours of slack, held by `technicianId`. */
function held(overrides: Partial<HeldOrder> = {}): HeldOrder {
  return {
    orderId: 'wo-4',
    number: 'WO-2026-000004',
    priority: 'P4',
    version: 3,
    technicianId: 'near',
    order: order({ id: 'wo-4', priority: 'P4', location: north(40), arrivalDueAt: NOW + 8 * HOUR }),
    dues: [{ metric: 'arrival', dueAt: NOW + 8 * HOUR }],
    ...overrides,
  };
}

const plan = (technicians: AssignmentTechnician[], t: Target = target(), heldOrders: HeldOrder[] = []) =>
  planReallocation({ config: config(), target: t, technicians, names, held: heldOrders });
const summary = (proposals: PlannedProposal[]) => proposals.map((p) => [p.kind, p.technicianId, (p.arrivalAt - NOW) / MIN]);

describe('moves', () => {
  it('proposes every eligible technician who arrives before the due instant and earlier than the current one, earliest first', () => {
    const busy = technician({ id: 'busy', position: north(5), workloadMinutes: 60, activeOrders: 1 }); // 60 + 9.75 min: late
    const unskilled = technician({ id: 'unskilled', position: north(1), skills: [] });
    const result = plan([FAR, MID, busy, NEAR, unskilled]);
    expect(result.current).toMatchObject({ technicianId: 'far', arrivalAt: NOW + 78 * MIN });
    expect(summary(result.proposals)).toEqual([
      ['move', 'near', 19.5],
      ['move', 'mid', 39],
    ]);
    expect(result.proposals[0]!.reasons).toEqual([
      'Fay Far, who holds WO-2026-000001, arrives in 1 h 18 min (a 1 h 18 min drive), 18 min after the arrival due.',
      'Nico Near is eligible and arrives in 19.5 min (a 19.5 min drive), 40.5 min before the arrival due.',
      'That is 58.5 min earlier than Fay Far.',
    ]);
  });

  it('counts the work a technician holds before he can leave', () => {
    // 30 min of other work, then 19.5 min: 49.5 min, still before the 60-min due and before FAR's 78.
    const result = plan([FAR, technician({ id: 'near', position: north(10), workloadMinutes: 30, activeOrders: 1 })]);
    expect(summary(result.proposals)).toEqual([['move', 'near', 49.5]]);
    expect(result.proposals[0]!.reasons[1]).toBe('Nico Near is eligible and arrives in 49.5 min (after 30 min of other work and a 19.5 min drive), 10.5 min before the arrival due.');
  });

  it('lets a technician whose shift has not started leave at its start', () => {
    const later = technician({ id: 'near', position: north(1), shifts: [[NOW + 30 * MIN, NOW + 8 * HOUR]] }); // 1.95 min drive
    const result = plan([FAR, later], target({ dueAt: NOW + 3 * HOUR, order: order({ priority: 'P1', arrivalDueAt: NOW + 3 * HOUR }) }));
    expect(summary(result.proposals)).toEqual([['move', 'near', 31.95]]);
    expect(result.proposals[0]!.reasons[1]).toBe('Nico Near is eligible and arrives in 32 min (leaving when his shift starts in 30 min, then a 2 min drive), 2 h 28 min before the arrival due.');
  });

  it('judges a resolution clock by the arrival plus the estimated work, and counts a stop at the due instant as met', () => {
    // Due at 79.5 min: NEAR arrives at 19.5 and finishes 60 min later, exactly at the due instant; MID only at 99.
    const result = plan([FAR, MID, NEAR], target({ metric: 'resolution', dueAt: NOW + 79.5 * MIN }));
    expect(summary(result.proposals)).toEqual([['move', 'near', 19.5]]);
    expect(result.proposals[0]!.stopAt).toBe(NOW + 79.5 * MIN);
  });

  it('accepts any in-time technician for an order nobody holds', () => {
    const result = plan([MID, NEAR], target({ technicianId: null }));
    expect(result.current).toEqual({ technicianId: null, arrivalAt: null, note: 'WO-2026-000001 has no technician yet.' });
    expect(summary(result.proposals)).toEqual([
      ['move', 'near', 19.5],
      ['move', 'mid', 39],
    ]);
  });

  it('says why there is no proposal when nobody arrives in time', () => {
    const result = plan([FAR, technician({ id: 'other', position: north(35) })]); // 68.25 min
    expect(result.proposals).toEqual([]);
    expect(result.reason).toBe(
      'No eligible technician arrives in time, and no lower-priority order frees one: the earliest, Otto Other, arrives in 1 h 08 min (a 1 h 08 min drive), 8.3 min after the arrival due.',
    );
  });
});

describe('swaps', () => {
  // NEAR's day is full: 60 of 100 min booked with the P4, so the P1's 60 min do not fit.
  const FULL_NEAR = technician({ id: 'near', position: north(10), capacityMinutes: 100, workloadMinutes: 60, activeOrders: 1 });

  it('frees a technician from a lower-priority order with more slack and gives that order to the current technician', () => {
    const result = plan([FAR, FULL_NEAR], target(), [held()]);
    expect(summary(result.proposals)).toEqual([['swap', 'near', 19.5]]);
    const out = result.proposals[0]!.swapOut!;
    // FAR stands at the P4's site: he arrives there at once, 8 h before its due.
    expect(out).toMatchObject({ toTechnicianId: 'far', byTechnicianId: 'far', arrivalAt: NOW, dueAt: NOW + 8 * HOUR });
    expect(result.proposals[0]!.reasons.slice(1)).toEqual([
      'Nico Near holds WO-2026-000004 (P4, next due in 8 h 00 min); freed from it, he arrives in 19.5 min (a 19.5 min drive), 40.5 min before the arrival due.',
      'WO-2026-000004 goes to Fay Far, who arrives there in 0 min, still 8 h 00 min within its SLA.',
      'That is 58.5 min earlier than Fay Far.',
    ]);
  });

  it('sends the lower-priority order back to the queue when the current technician cannot keep it in time', () => {
    // FAR has no electrical skill, so the P4 that needs one cannot go to him.
    const p4 = held({ order: order({ id: 'wo-4', priority: 'P4', location: north(40), arrivalDueAt: NOW + 8 * HOUR, requiredSkills: [{ skillCode: 'elec', minLevel: 2 }] }) });
    const electrician = technician({ id: 'other', position: north(30), skills: [{ skillCode: 'elec', level: 2, certifiedUntil: null }] }); // 10 km from the P4: 19.5 min
    const result = plan([FAR, FULL_NEAR, electrician], target(), [p4]);
    expect(summary(result.proposals)).toEqual([['swap', 'near', 19.5]]);
    expect(result.proposals[0]!.swapOut).toMatchObject({ toTechnicianId: null, byTechnicianId: 'other', arrivalAt: NOW + 19.5 * MIN, candidate: null });
  });

  it('never takes an order of the same priority, one with less slack, or one that would then miss its own SLA', () => {
    expect(plan([FAR, FULL_NEAR], target(), [held({ priority: 'P1' })]).proposals).toEqual([]);
    expect(plan([FAR, FULL_NEAR], target(), [held({ dues: [{ metric: 'arrival', dueAt: NOW + 30 * MIN }] })]).proposals).toEqual([]);
    // 70 min of slack is more than the P1's 60, but the P4 sits at the P1's site: FAR would arrive there after 78.
    const tight = held({ order: order({ id: 'wo-4', priority: 'P4', arrivalDueAt: NOW + 70 * MIN }), dues: [{ metric: 'arrival', dueAt: NOW + 70 * MIN }] });
    expect(plan([FAR, FULL_NEAR], target(), [tight]).proposals).toEqual([]);
  });

  it('does not swap when the technician can already take the order as a move', () => {
    const roomyNear = technician({ id: 'near', position: north(10), workloadMinutes: 0 });
    expect(summary(plan([FAR, roomyNear], target(), [held()]).proposals)).toEqual([['move', 'near', 19.5]]);
  });
});

describe('ranking', () => {
  const proposal = (kind: 'move' | 'swap', technicianId: string, minutes: number, score = 10): PlannedProposal => ({
    kind,
    technicianId,
    arrivalAt: NOW + minutes * MIN,
    stopAt: NOW + minutes * MIN,
    candidate: { technicianId, score, terms: {} as never, reasons: [] },
    swapOut: null,
    reasons: [],
  });

  it('puts moves before swaps, then the earliest arrival, then the lower score, then the technician id', () => {
    const ranked = [proposal('swap', 'a', 5), proposal('move', 'b', 30), proposal('move', 'c', 20, 9), proposal('move', 'e', 20, 8), proposal('move', 'd', 20, 8)].sort(compareProposals);
    expect(ranked.map((p) => p.technicianId)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });
});
