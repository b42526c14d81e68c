import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import { businessSecondsBetween } from '../sla';
import { deriveClock, type ClockDefinition } from './clock-model';
import { historyFrom } from './history.arbitrary';

// Berlin office hours across the spring-forward night of 2026-03-29, so histories also cross a DST change.
const DAY: [string, string][] = [['08:00', '12:00'], ['13:00', '18:00']];
const BERLIN: Calendar = { timeZone: 'Europe/Berlin', week: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY }, holidays: ['2026-04-03', '2026-04-06'] };
const START = Date.parse('2026-03-26T10:17:00Z');
const METRICS: SlaMetric[] = ['response', 'arrival', 'resolution'];
const TARGETS: Record<SlaMetric, number> = { response: 2 * 3600, arrival: 9 * 3600, resolution: 27 * 3600 };
const definition = (metric: SlaMetric): ClockDefinition => ({
  metric,
  targetSeconds: TARGETS[metric],
  calendar: BERLIN,
  startedAt: START,
  thresholds: [75, 90],
  pausingReasons: ['waiting_customer', 'waiting_parts'],
});

const history = historyFrom(START);

describe('clock model properties', () => {
  it('gives the same clock, timeline included, whatever order the events were delivered in', () => {
    fc.assert(
      fc.property(history, ({ inOrder, shuffled, now }) => {
        for (const metric of METRICS) {
          expect(deriveClock(definition(metric), shuffled, now)).toEqual(deriveClock(definition(metric), inOrder, now));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly the business time the clock ran: elapsed = business time since start − time it stood still', () => {
    fc.assert(
      fc.property(history, ({ inOrder, now }) => {
        for (const metric of METRICS) {
          const clock = deriveClock(definition(metric), inOrder, now);
          const end = clock.pausedAt ?? clock.stoppedAt ?? now;
          const idle = clock.timeline.reduce((sum, e) => sum + (typeof e.data.idleSeconds === 'number' ? e.data.idleSeconds : 0), 0);
          expect(clock.elapsedSeconds).toBe(businessSecondsBetween(BERLIN, new Date(START), new Date(end)) - idle);
          // Percent elapsed to two decimals.
          expect(clock.percentElapsed).toBe(Math.round((clock.elapsedSeconds / TARGETS[metric]) * 10_000) / 100);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reaches each threshold and the breach at most once, and never moves elapsed time backwards', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 100 * 3600 }), ({ inOrder, now }, back) => {
        for (const metric of METRICS) {
          const later = deriveClock(definition(metric), inOrder, now);
          const keys = later.timeline.filter((e) => e.event === 'warning' || e.event === 'breached').map((e) => `${e.event}:${String(e.data.threshold)}`);
          expect(new Set(keys).size).toBe(keys.length);
          // The clock as it stood at an earlier instant, knowing only the events up to then.
          const then = Math.max(START, now - back * 1000);
          const earlier = deriveClock(definition(metric), inOrder.filter((e) => e.at <= then), then);
          expect(earlier.elapsedSeconds).toBeLessThanOrEqual(later.elapsedSeconds);
        }
      }),
      { numRuns: 200 },
    );
  });
});
