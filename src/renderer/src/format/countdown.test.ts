import { describe, expect, it } from 'vitest';
import { countdown, formatSpan } from './countdown';

const MIN = 60_000;

describe('SLA countdowns', () => {
  it('shows seconds only in the last ten minutes', () => {
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(4 * MIN + 5_000)).toBe('4 min 05 s');
    expect(formatSpan(23 * MIN + 59_000)).toBe('23 min');
    expect(formatSpan(3 * 60 * MIN + 5 * MIN)).toBe('3 h 05');
    expect(formatSpan(52 * 60 * MIN)).toBe('2 d 4 h');
  });

  it('names the metric and says when it is overdue', () => {
    const due = { metric: 'arrival' as const, dueAt: 100 * MIN };
    expect(countdown(due, 77 * MIN)).toEqual({ text: 'arrival in 23 min', tone: 'soon' });
    expect(countdown(due, 112 * MIN)).toEqual({ text: 'arrival overdue 12 min', tone: 'overdue' });
    expect(countdown(due, 10 * MIN).tone).toBe('ok');
  });
});
