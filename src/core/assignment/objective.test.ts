import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSIGNMENT_CONFIG, evaluateCandidate, slaRiskMinutes } from './index';
import { config, HOUR, MIN, NOW, order, technician } from './testing/fixtures';
import type { CandidateEvaluation } from './types';

function eligible(result: CandidateEvaluation) {
  if (!result.eligible) throw new Error(`expected eligible: ${JSON.stringify(result.violations)}`);
  return result;
}

describe('soft objective and its explanation', () => {
  // Site at the origin, technician 10 km north, a quarter booked, two levels above the minimum, not the preferred one.
  const o = order({ arrivalDueAt: NOW + 60 * MIN, preferredTechnicianId: 'tech-9' });
  const t = technician({ workloadMinutes: 120, skills: [{ skillCode: 'hvac', level: 5, certifiedUntil: null }] });

  it('lists every term with its concrete values, in a sentence a dispatcher can check by hand', () => {
    const result = eligible(evaluateCandidate(o, t, config()));
    expect(result.reasons).toEqual([
      'Travel: 10 km × 1.3 / 40 km/h = 19.5 min, × 1 → +19.5',
      'SLA slack: arrives 40.5 min before the arrival due: risk 60 − 40.5 = 19.5 min, × 1 → +19.5',
      'Workload: 120 of 480 min booked (25 %), × 0.4 → +10',
      'Over-qualification: 2 skill levels above the required minimum, × 4 → +8',
      'Preferred technician: the customer prefers another technician → +20',
    ]);
    expect(result.terms.travel).toMatchObject({ distanceKm: expect.closeTo(10, 9), travelMinutes: expect.closeTo(19.5, 9), contribution: expect.closeTo(19.5, 9) });
    expect(result.terms.slaSlack).toMatchObject({
      departAt: NOW,
      predictedArrivalAt: NOW + 19.5 * MIN,
      arrivalDueAt: NOW + 60 * MIN,
      slackMinutes: expect.closeTo(40.5, 6),
      riskMinutes: expect.closeTo(19.5, 6),
    });
    expect(result.terms.workload).toMatchObject({ workloadMinutes: 120, capacityMinutes: 480, loadPercent: 25, contribution: 10 });
    expect(result.terms.overQualification).toMatchObject({ excessLevels: 2, contribution: 8 });
    expect(result.terms.preferred).toMatchObject({ preference: 'other', contribution: 20 });
  });

  it('the score is the sum of the weighted terms, lower is better', () => {
    const result = eligible(evaluateCandidate(o, t, config()));
    const sum = Object.values(result.terms).reduce((s, term) => s + term.contribution, 0);
    expect(result.score).toBeCloseTo(sum, 9);
    expect(result.score).toBeCloseTo(19.5 + 19.5 + 10 + 8 + 20, 9);
  });

  it('weights are configuration', () => {
    const result = eligible(evaluateCandidate(o, t, config({ weights: { travel: 2, preferred: 0 } })));
    expect(result.terms.travel.contribution).toBeCloseTo(39, 9);
    expect(result.terms.preferred.contribution).toBe(0);
    expect(result.reasons[0]).toBe('Travel: 10 km × 1.3 / 40 km/h = 19.5 min, × 2 → +39');
  });

  it('a travel-time provider replaces the distance estimate', () => {
    const result = eligible(evaluateCandidate(o, t, config({ travelTime: () => 25 })));
    expect(result.reasons[0]).toBe('Travel: 25 min from the travel-time provider (10 km as the crow flies), × 1 → +25');
    expect(result.terms.slaSlack.predictedArrivalAt).toBe(NOW + 25 * MIN);
  });

  it('a late arrival is explained and costs the late multiplier per minute', () => {
    const result = eligible(evaluateCandidate({ ...o, arrivalDueAt: NOW + 10 * MIN }, t, config()));
    expect(result.reasons[1]).toBe('SLA slack: arrives 9.5 min AFTER the arrival due: risk 60 + 10 × 9.5 = 155 min, × 1 → +155');
  });

  it('waiting for a later shift is part of the arrival, and no target means no SLA risk', () => {
    const waiting = technician({ shifts: [[NOW + 2 * HOUR, NOW + 10 * HOUR]] });
    const result = eligible(evaluateCandidate({ ...o, arrivalDueAt: null }, waiting, config()));
    expect(result.reasons[1]).toBe('SLA slack: no arrival target, leaves in 2 h 00 min, arrives in 2 h 20 min, × 1 → +0');
    expect(result.terms.slaSlack).toMatchObject({ slackMinutes: null, riskMinutes: 0, departAt: NOW + 2 * HOUR });
  });

  it('the preferred technician pays nothing; without a preference nobody does', () => {
    expect(eligible(evaluateCandidate({ ...o, preferredTechnicianId: 'tech-1' }, t, config())).reasons[4]).toBe(
      "Preferred technician: is the customer's preferred technician → +0",
    );
    expect(eligible(evaluateCandidate({ ...o, preferredTechnicianId: null }, t, config())).terms.preferred).toMatchObject({ preference: 'none', contribution: 0 });
  });

  describe('SLA risk formula (margin M = 60, late multiplier k = 10)', () => {
    const c = config();
    it('is 0 beyond the margin, M − s inside it, M + k·late when late', () => {
      expect(slaRiskMinutes(null, c)).toBe(0);
      expect(slaRiskMinutes(90, c)).toBe(0);
      expect(slaRiskMinutes(60, c)).toBe(0);
      expect(slaRiskMinutes(45, c)).toBe(15);
      expect(slaRiskMinutes(0, c)).toBe(60);
      expect(slaRiskMinutes(-10, c)).toBe(160);
    });
    it('a late minute costs much more than an early minute saves', () => {
      const lateMinute = slaRiskMinutes(-1, c) - slaRiskMinutes(0, c);
      const earlyMinute = slaRiskMinutes(0, c) - slaRiskMinutes(1, c);
      expect(lateMinute).toBe(DEFAULT_ASSIGNMENT_CONFIG.lateMultiplier * earlyMinute);
      expect(lateMinute).toBeGreaterThan(earlyMinute);
    });
  });
});
