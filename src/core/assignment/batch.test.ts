import { describe, expect, it } from 'vitest';
import { assignBatch, evaluateCandidate, greedyAssign } from './index';
import { config, HOUR, NOW, north, order, technician } from './testing/fixtures';

const hvac = [{ skillCode: 'hvac', level: 3, certifiedUntil: null }];
const both = [...hvac, { skillCode: 'elec', level: 3, certifiedUntil: null }];

describe('assignBatch', () => {
  it('optimises jointly where one-by-one greedy in urgency order paints itself into a corner', () => {
    // The urgent order is cheapest on A, but only A can do the later one, and A has room for one of them.
    const orders = [
      order({ id: 'urgent', estimatedMinutes: 300, arrivalDueAt: NOW + HOUR }),
      order({ id: 'later', estimatedMinutes: 300, arrivalDueAt: NOW + 3 * HOUR, requiredSkills: [{ skillCode: 'elec', minLevel: 3 }] }),
    ];
    const techs = [technician({ id: 'A', position: north(1), skills: both }), technician({ id: 'B', position: north(12), skills: hvac })];
    const greedy = greedyAssign(orders, techs, config());
    expect(greedy.assignments.map((a) => [a.orderId, a.technicianId])).toEqual([['urgent', 'A']]);
    expect(greedy.unassigned.map((u) => u.orderId)).toEqual(['later']);

    const batch = assignBatch(orders, techs, config());
    expect(batch.assignments.map((a) => [a.orderId, a.technicianId])).toEqual([
      ['urgent', 'B'],
      ['later', 'A'],
    ]);
    expect(batch.unassigned).toEqual([]);
    expect(batch.totalCost).toBeLessThan(greedy.totalCost);
    expect(batch.greedyCost).toBeCloseTo(greedy.totalCost, 9);
    expect(batch.provenOptimal).toBe(true);
    expect(batch.lowerBound).toBeCloseTo(batch.totalCost, 9);
  });

  it('scores each assignment exactly as single-order evaluation does on the batch-start state, and totals them', () => {
    const orders = [order({ id: 'o1' }), order({ id: 'o2', location: north(3) })];
    const techs = [technician({ id: 'A', workloadMinutes: 60 }), technician({ id: 'B', position: north(4) })];
    const batch = assignBatch(orders, techs, config());
    for (const a of batch.assignments) {
      const alone = evaluateCandidate(orders.find((o) => o.id === a.orderId)!, techs.find((t) => t.id === a.technicianId)!, config());
      expect(alone.eligible && alone.score).toBe(a.score);
      expect(a.reasons).toEqual(alone.eligible ? alone.reasons : []);
    }
    expect(batch.totalCost).toBeCloseTo(batch.assignments.reduce((s, a) => s + a.score, 0), 9);
  });

  it('never moves a pinned order, and counts its minutes against its technician', () => {
    const orders = [
      order({ id: 'pinned', estimatedMinutes: 420, pinnedTechnicianId: 'A' }),
      // A is the closest technician for this one, but has only 60 minutes left once the pinned order is counted.
      order({ id: 'new', estimatedMinutes: 90, location: north(10) }),
      // Pinned to a technician who would not even be eligible now: still kept as it is.
      order({ id: 'pinned-elsewhere', pinnedTechnicianId: 'C', requiredSkills: [{ skillCode: 'gas', minLevel: 5 }] }),
    ];
    const techs = [technician({ id: 'A', position: north(10) }), technician({ id: 'B', position: north(14) })];
    const batch = assignBatch(orders, techs, config());
    expect(batch.kept).toEqual([
      { orderId: 'pinned', technicianId: 'A' },
      { orderId: 'pinned-elsewhere', technicianId: 'C' },
    ]);
    expect(batch.assignments.map((a) => [a.orderId, a.technicianId])).toEqual([['new', 'B']]);
    expect(batch.unassigned).toEqual([]);
  });

  it('explains an order no technician can take: which constraint excluded how many', () => {
    const orders = [order({ id: 'lift-job', vehicleCapabilities: ['lift'] })];
    const techs = [technician({ id: 'A' }), technician({ id: 'B', status: 'unavailable' }), technician({ id: 'C', skills: [] })];
    const [u] = assignBatch(orders, techs, config()).unassigned;
    expect(u).toMatchObject({ orderId: 'lift-job', cause: 'no_eligible_technician', eligibleTechnicians: 0, excludedBy: { vehicle: 3, status: 1, skill: 1 } });
    expect(u!.reason).toBe('No eligible technician: 1 unavailable; 1 lacking a required skill or level; 3 without a suitable vehicle in service.');
  });

  it('explains an order left out because capacity ran out, keeping the higher priority', () => {
    const orders = [
      order({ id: 'p4', priority: 'P4', estimatedMinutes: 300, arrivalDueAt: NOW + HOUR }),
      order({ id: 'p1', priority: 'P1', estimatedMinutes: 300, arrivalDueAt: NOW + 2 * HOUR }),
    ];
    const batch = assignBatch(orders, [technician({ id: 'A' })], config());
    expect(batch.assignments.map((a) => a.orderId)).toEqual(['p1']);
    const [u] = batch.unassigned;
    expect(u).toMatchObject({ orderId: 'p4', cause: 'capacity', eligibleTechnicians: 1, excludedBy: {} });
    expect(u!.reason).toBe(
      'Capacity ran out: it needs 300 min and none of its 1 eligible technician has that much left after this batch (most: 180 min, A); their time went to orders of higher priority or that fit better.',
    );
    // Leaving an order unassigned costs its priority penalty plus its costliest eligible assignment.
    const alone = evaluateCandidate(orders[0]!, technician({ id: 'A' }), config());
    expect(u!.penalty).toBeCloseTo(1000 + (alone.eligible ? alone.score : NaN), 9);
    // Greedy takes the earlier-due P4 first and has no room left for the P1.
    expect(greedyAssign(orders, [technician({ id: 'A' })], config()).assignments.map((a) => a.orderId)).toEqual(['p4']);
  });

  it('handles empty batches and empty rosters', () => {
    expect(assignBatch([], [technician()], config())).toMatchObject({ assignments: [], unassigned: [], kept: [], totalCost: 0, provenOptimal: true });
    const none = assignBatch([order()], [], config());
    expect(none.unassigned[0]).toMatchObject({ cause: 'no_eligible_technician', reason: 'No technicians were given.' });
  });
});
