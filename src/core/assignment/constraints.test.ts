import { describe, expect, it } from 'vitest';
import { evaluateCandidate } from './index';
import { config, HOUR, MIN, NOW, order, technician } from './testing/fixtures';
import type { AssignmentOrder, AssignmentTechnician, ConstraintCode } from './types';

/** The violations of one pair, or [] when eligible. */
function violations(o: Partial<AssignmentOrder>, t: Partial<AssignmentTechnician>) {
  const result = evaluateCandidate(order(o), technician(t), config());
  return result.eligible ? [] : result.violations;
}
const codes = (o: Partial<AssignmentOrder>, t: Partial<AssignmentTechnician>): ConstraintCode[] => violations(o, t).map((v) => v.constraint);

describe('hard constraints (DOMAIN.md "Assignment")', () => {
  it('the default pair is eligible', () => {
    expect(evaluateCandidate(order(), technician(), config()).eligible).toBe(true);
  });

  describe('skills', () => {
    it('a level below the minimum excludes, naming skill and levels', () => {
      const [v] = violations({}, { skills: [{ skillCode: 'hvac', level: 2, certifiedUntil: null }] });
      expect(v).toEqual({ constraint: 'skill', message: 'has hvac at level 2, below the required 3' });
    });
    it('a missing skill excludes', () => {
      expect(violations({}, { skills: [{ skillCode: 'plumbing', level: 5, certifiedUntil: null }] })).toEqual([
        { constraint: 'skill', message: 'lacks skill hvac (needs level 3)' },
      ]);
    });
    it('every required skill counts, not just one', () => {
      const required = [
        { skillCode: 'hvac', minLevel: 3 },
        { skillCode: 'electrical', minLevel: 2 },
      ];
      expect(codes({ requiredSkills: required }, {})).toEqual(['skill']);
      const both = [
        { skillCode: 'hvac', level: 3, certifiedUntil: null },
        { skillCode: 'electrical', level: 2, certifiedUntil: null },
      ];
      expect(codes({ requiredSkills: required }, { skills: both })).toEqual([]);
    });
    it('an expired certification excludes; one valid until now (inclusive) does not', () => {
      const expired = [{ skillCode: 'hvac', level: 5, certifiedUntil: NOW - 3 * 24 * HOUR }];
      expect(violations({}, { skills: expired })).toEqual([{ constraint: 'certification', message: 'has a hvac certification that expired 3 d 0 h ago' }]);
      expect(codes({}, { skills: [{ skillCode: 'hvac', level: 5, certifiedUntil: NOW }] })).toEqual([]);
    });
  });

  describe('shift and time off', () => {
    const laterShift = (startsIn: number): Partial<AssignmentTechnician> => ({ shifts: [[NOW + startsIn, NOW + 10 * HOUR]] });
    // 10 km north: 10 × 1.3 / 40 km/h = 19.5 min of travel.
    it('off shift, next shift starts too late to meet the arrival due: excluded, saying by how much', () => {
      const [v] = violations({ arrivalDueAt: NOW + 60 * MIN }, laterShift(50 * MIN));
      expect(v).toEqual({
        constraint: 'shift',
        message: 'is off shift; the next shift starts in 50 min, and arriving 19.5 min after that misses the arrival due by 9.5 min',
      });
    });
    it('off shift, next shift starts early enough to meet the arrival due: eligible, leaving at shift start', () => {
      const result = evaluateCandidate(order({ arrivalDueAt: NOW + 60 * MIN }), technician(laterShift(40 * MIN)), config());
      expect(result.eligible).toBe(true);
      if (result.eligible) expect(result.terms.slaSlack.predictedArrivalAt).toBe(NOW + 40 * MIN + 19.5 * MIN);
    });
    it('off shift with no later shift: excluded', () => {
      expect(violations({}, { shifts: [[NOW - 8 * HOUR, NOW - HOUR]] })).toEqual([{ constraint: 'shift', message: 'is off shift with no later shift scheduled' }]);
    });
    it('an order without an arrival target accepts any later shift', () => {
      expect(codes({ arrivalDueAt: null }, laterShift(5 * HOUR))).toEqual([]);
    });
    it('status off_shift means clocked out: the current shift interval does not count, a later one can', () => {
      expect(codes({}, { status: 'off_shift' })).toEqual(['shift']);
      expect(codes({}, { status: 'off_shift', shifts: [[NOW - HOUR, NOW + HOUR], [NOW + 2 * HOUR, NOW + 9 * HOUR]] })).toEqual([]);
    });
    it('status unavailable excludes; busy does not', () => {
      expect(violations({}, { status: 'unavailable' })).toEqual([{ constraint: 'status', message: 'is unavailable' }]);
      expect(codes({}, { status: 'busy' })).toEqual([]);
    });
    it('time off overlapping the job window [departure, arrival + duration) excludes', () => {
      // Job window: now .. now + 19.5 + 60 min.
      expect(violations({}, { timeOff: [[NOW + 70 * MIN, NOW + 5 * HOUR]] })).toEqual([
        { constraint: 'time_off', message: 'has time off starting in 1 h 10 min, overlapping the job' },
      ]);
      expect(codes({}, { timeOff: [[NOW - HOUR, NOW + 10 * MIN]] })).toEqual(['time_off']);
      expect(codes({}, { timeOff: [[NOW + 80 * MIN, NOW + 5 * HOUR]] })).toEqual([]);
    });
  });

  describe('vehicle', () => {
    it('a vehicle in maintenance excludes', () => {
      expect(violations({}, { vehicle: { status: 'maintenance', capabilities: ['van'] } })).toEqual([
        { constraint: 'vehicle', message: 'has a vehicle in maintenance' },
      ]);
      expect(codes({ vehicleCapabilities: [] }, { vehicle: { status: 'out_of_service', capabilities: [] } })).toEqual(['vehicle']);
    });
    it('a vehicle lacking a required capability excludes, naming it', () => {
      expect(violations({ vehicleCapabilities: ['van', 'lift'] }, {})).toEqual([{ constraint: 'vehicle', message: 'has a vehicle without lift' }]);
    });
    it('no vehicle is fine only when the order needs no capability', () => {
      expect(codes({ vehicleCapabilities: [] }, { vehicle: null })).toEqual([]);
      expect(violations({}, { vehicle: null })).toEqual([{ constraint: 'vehicle', message: 'has no vehicle, the order needs van' }]);
    });
  });

  it('capacity: remaining minutes (capacity − workload) must cover the estimated duration', () => {
    expect(violations({ estimatedMinutes: 120 }, { capacityMinutes: 480, workloadMinutes: 390 })).toEqual([
      { constraint: 'capacity', message: 'has 90 of 480 min capacity left, the order needs 120 min' },
    ]);
    expect(codes({ estimatedMinutes: 90 }, { capacityMinutes: 480, workloadMinutes: 390 })).toEqual([]);
  });

  it('excluded technicians (e.g. who rejected the order) are ineligible', () => {
    expect(violations({ excludedTechnicianIds: ['tech-1'] }, {})).toEqual([{ constraint: 'excluded', message: 'is excluded from this order (e.g. rejected it)' }]);
  });

  it('reports every violated constraint, not only the first', () => {
    const all = codes(
      { excludedTechnicianIds: ['tech-1'], estimatedMinutes: 600 },
      { status: 'unavailable', skills: [], vehicle: { status: 'maintenance', capabilities: [] }, timeOff: [[NOW, NOW + HOUR]] },
    );
    expect(all).toEqual(['status', 'excluded', 'skill', 'vehicle', 'vehicle', 'capacity', 'time_off']);
  });
});
