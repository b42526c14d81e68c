import { describe, expect, it } from 'vitest';
import { localMidnight, zoneOffset } from './zone-time';

const AMS = 'Europe/Amsterdam';

describe('zone time', () => {
  it('finds the offset and local midnight in winter and summer', () => {
    expect(zoneOffset(AMS, Date.parse('2026-11-24T14:10:00.500Z'))).toBe(3_600_000);
    expect(localMidnight(AMS, Date.parse('2026-11-24T14:10:00Z'))).toBe(Date.parse('2026-11-23T23:00:00Z'));
    expect(localMidnight(AMS, Date.parse('2026-07-01T22:30:00Z'))).toBe(Date.parse('2026-07-01T22:00:00Z'));
    expect(localMidnight('UTC', Date.parse('2026-07-01T22:30:00Z'))).toBe(Date.parse('2026-07-01T00:00:00Z'));
  });

  it('starts a DST day at its own midnight (the offset changes later that day)', () => {
    // 29 March 2026: clocks go forward at 02:00 in Amsterdam; midnight is still at UTC+1.
    expect(localMidnight(AMS, Date.parse('2026-03-29T20:00:00Z'))).toBe(Date.parse('2026-03-28T23:00:00Z'));
  });

  it('steps whole local days across a DST change', () => {
    // From Saturday 28 March 2026 (UTC+1) to Monday 30 March (UTC+2), and back a day.
    const saturday = Date.parse('2026-03-28T12:00:00Z');
    expect(localMidnight(AMS, saturday, 2)).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(localMidnight(AMS, saturday, -1)).toBe(Date.parse('2026-03-26T23:00:00Z'));
  });
});
