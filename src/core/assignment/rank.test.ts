import { describe, expect, it } from 'vitest';
import { rankCandidates } from './index';
import { config, HOUR, NOW, north, order, technician } from './testing/fixtures';

describe('rankCandidates', () => {
  const o = order({ arrivalDueAt: NOW + 2 * HOUR, preferredTechnicianId: 'D' });
  const hvac = (level: number) => [{ skillCode: 'hvac', level, certifiedUntil: null }];
  const roster = [
    technician({ id: 'A', position: north(2) }), // 3.9 travel + 20 not preferred = 23.9
    technician({ id: 'B', position: north(1), skills: hvac(5) }), // 1.95 + 8 over-qualified + 20 = 29.95
    technician({ id: 'C', position: north(5), workloadMinutes: 240 }), // 9.75 + 20 half booked + 20 = 49.75
    technician({ id: 'D', position: north(8) }), // 15.6, the preferred one
    technician({ id: 'E', status: 'unavailable' }),
    technician({ id: 'F', skills: hvac(2) }),
    technician({ id: 'G', shifts: [[NOW + 3 * HOUR, NOW + 11 * HOUR]] }),
  ];

  it('returns candidates best first with their scores and reasons', () => {
    const { ranked } = rankCandidates(o, roster, config());
    expect(ranked.map((c) => c.technicianId)).toEqual(['D', 'A', 'B', 'C']);
    expect(ranked.map((c) => c.score)).toEqual([15.6, 23.9, 29.95, 49.75].map((x) => expect.closeTo(x, 9)));
    expect(ranked[0]!.reasons).toHaveLength(5);
    expect(ranked[0]!.reasons[4]).toBe("Preferred technician: is the customer's preferred technician → +0");
    expect(ranked[2]!.terms.overQualification.excessLevels).toBe(2);
  });

  it('says why every other technician is out', () => {
    const { ineligible } = rankCandidates(o, roster, config());
    expect(ineligible.map((i) => [i.technicianId, i.violations.map((v) => v.constraint)])).toEqual([
      ['E', ['status']],
      ['F', ['skill']],
      ['G', ['shift']],
    ]);
  });

  it('keeps only the best `limit`, and breaks score ties by technician id', () => {
    expect(rankCandidates(o, roster, config(), 2).ranked.map((c) => c.technicianId)).toEqual(['D', 'A']);
    expect(rankCandidates(o, roster, config(), 0).ranked).toEqual([]);
    const twins = [technician({ id: 'y' }), technician({ id: 'x' }), technician({ id: 'z', position: north(1) })];
    expect(rankCandidates(order(), twins, config()).ranked.map((c) => c.technicianId)).toEqual(['z', 'x', 'y']);
  });

  it('agrees with evaluating each technician alone, whatever the roster order', () => {
    const shuffled = [...roster].reverse();
    expect(rankCandidates(o, shuffled, config()).ranked).toEqual(rankCandidates(o, roster, config()).ranked);
  });
});
