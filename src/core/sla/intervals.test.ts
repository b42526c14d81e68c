import { describe, expect, it } from 'vitest';
import { workingIntervals } from './intervals';

const at = (iso: string) => Date.parse(iso);

describe('workingIntervals', () => {
  it('lists the shifts of a split day in the calendar zone, clipped to the range', () => {
    const shifts = { timeZone: 'Europe/Amsterdam', week: { wed: [['08:00', '12:00'], ['13:00', '17:00']] as [string, string][] } };
    expect(workingIntervals(shifts, at('2026-11-25T10:00:00Z'), at('2026-11-26T00:00:00Z'))).toEqual([
      [at('2026-11-25T10:00:00Z'), at('2026-11-25T11:00:00Z')],
      [at('2026-11-25T12:00:00Z'), at('2026-11-25T16:00:00Z')],
    ]);
  });

  it('joins an overnight shift across midnight into one interval', () => {
    const nights = { timeZone: 'UTC', week: { tue: [['22:00', '06:00']] as [string, string][] } };
    expect(workingIntervals(nights, at('2026-11-24T00:00:00Z'), at('2026-11-26T00:00:00Z'))).toEqual([
      [at('2026-11-24T22:00:00Z'), at('2026-11-25T06:00:00Z')],
    ]);
  });

  it('is empty on a day off', () => {
    expect(workingIntervals({ timeZone: 'UTC', week: { mon: [['08:00', '16:00']] } }, at('2026-11-25T00:00:00Z'), at('2026-11-26T00:00:00Z'))).toEqual([]);
  });
});
