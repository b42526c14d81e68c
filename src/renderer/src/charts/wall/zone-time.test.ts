import { describe, expect, it } from 'vitest';
import { dayLabel, hourLabel, weekdayLabel } from './zone-time';

const AMS = 'Europe/Amsterdam';

describe('centre-zone time', () => {
  it('labels hours and days in the centre zone', () => {
    const t = Date.parse('2026-11-24T13:00:00Z');
    expect(hourLabel(AMS, t)).toBe('14:00');
    expect(weekdayLabel(AMS, t)).toBe('Tue 24');
    expect(dayLabel(AMS, t)).toBe('24 Nov');
  });
});
