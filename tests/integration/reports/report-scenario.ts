import type { SlaMetric } from '../../../src/core/db/schema';
import type { ActionSpec, AlertSpec, ClockSpec, OrderSpec } from './report-fixture';

/**
 * The week of Monday 2 March 2026 (UTC) with outcomes chosen by hand: met, missed, breached and still running at
 * the end, breached at the end but stopped after it, met exactly at the due instant, clocks stopped before the
 * period, cancelled clocks, and clocks not yet due at the end.
 */
export const FROM = Date.parse('2026-03-02T00:00:00Z');
export const TO = Date.parse('2026-03-09T00:00:00Z');
export const NOW = Date.parse('2026-03-20T12:00:00Z');

const at = (iso: string) => Date.parse(`2026-${iso}:00Z`);
const clock = (metric: SlaMetric, state: ClockSpec['state'], startedAt: string, dueAt: string, stoppedAt: string | null): ClockSpec => ({
  metric,
  state,
  startedAt: at(startedAt),
  dueAt: at(dueAt),
  stoppedAt: stoppedAt === null ? null : at(stoppedAt),
});

export const ORDERS: OrderSpec[] = [
  {
    key: 'O1', customer: 'A', priority: 'P1', categoryCode: 'ELEC-OUTAGE', status: 'closed',
    clocks: [
      clock('response', 'met', '03-02T08:00', '03-02T08:30', '03-02T08:20'),
      clock('arrival', 'met', '03-02T08:00', '03-02T10:00', '03-02T09:40'),
      clock('resolution', 'missed', '03-02T08:00', '03-02T12:00', '03-02T14:30'),
    ],
  },
  {
    key: 'O2', customer: 'A', priority: 'P2', categoryCode: 'LEAK', status: 'completed',
    clocks: [
      clock('response', 'met', '03-03T10:00', '03-03T11:00', '03-03T10:30'),
      clock('arrival', 'missed', '03-03T10:00', '03-03T14:00', '03-03T14:45'),
      clock('resolution', 'met', '03-03T10:00', '03-03T18:00', '03-03T17:00'),
    ],
  },
  {
    key: 'O3', customer: 'B', priority: 'P1', categoryCode: 'ELEC-OUTAGE', status: 'en_route',
    clocks: [
      clock('response', 'missed', '03-04T09:00', '03-04T09:30', '03-04T10:15'),
      clock('arrival', 'breached', '03-04T09:00', '03-04T11:00', null),
      clock('resolution', 'breached', '03-04T09:00', '03-04T13:00', null),
    ],
  },
  {
    key: 'O4', customer: 'B', priority: 'P2', categoryCode: 'LEAK', status: 'completed',
    clocks: [
      clock('response', 'met', '03-08T10:00', '03-08T11:00', '03-08T10:10'),
      clock('arrival', 'met', '03-08T10:00', '03-08T14:00', '03-08T12:00'),
      // Missed on 10 March: at the period's end it was still running past its due instant.
      clock('resolution', 'missed', '03-08T10:00', '03-08T18:00', '03-10T09:00'),
    ],
  },
  {
    key: 'O5', customer: 'A', priority: 'P1', categoryCode: 'ELEC-OUTAGE', status: 'closed',
    clocks: [
      clock('response', 'met', '02-27T08:00', '02-27T08:30', '02-27T08:10'),
      clock('resolution', 'missed', '02-27T08:00', '02-27T12:00', '03-01T23:00'),
    ],
  },
  {
    key: 'O6', customer: 'A', priority: 'P2', categoryCode: 'LEAK', status: 'cancelled',
    clocks: [clock('response', 'cancelled', '03-05T09:00', '03-05T10:00', '03-05T11:00'), clock('resolution', 'cancelled', '03-05T09:00', '03-05T17:00', '03-05T11:00')],
  },
  {
    key: 'O7', customer: 'B', priority: 'P1', categoryCode: 'ELEC-OUTAGE', status: 'accepted',
    clocks: [
      // Met exactly at its due instant: met (DOMAIN.md).
      clock('response', 'met', '03-08T22:00', '03-08T22:30', '03-08T22:30'),
      // Due after the period's end: not counted.
      clock('resolution', 'running', '03-08T22:00', '03-09T02:00', null),
    ],
  },
];

/** Filled in with the inserted orders' ids. */
export const alerts = (id: (key: string) => string): AlertSpec[] => [
  { orderId: id('O1'), level: 1, raisedAt: at('03-02T11:00'), acknowledgedAt: at('03-02T11:02'), title: 'Resolution at 75 %' },
  { orderId: id('O3'), level: 1, raisedAt: at('03-04T09:25'), acknowledgedAt: at('03-04T09:30'), title: 'Response at 75 %' },
  { orderId: id('O3'), level: 2, raisedAt: at('03-04T09:30'), acknowledgedAt: at('03-04T09:45'), title: 'Response breached' },
  { orderId: id('O3'), level: 3, raisedAt: at('03-04T11:00'), acknowledgedAt: null, title: 'Arrival breached' },
  { orderId: id('O4'), level: 1, raisedAt: at('03-08T17:00'), acknowledgedAt: at('03-08T17:10'), title: 'Resolution at 75 %' },
  // After the period: not in the report.
  { orderId: id('O4'), level: 2, raisedAt: at('03-10T08:00'), acknowledgedAt: at('03-10T08:01'), title: 'Resolution breached' },
];

export const actions = (id: (key: string) => string): ActionSpec[] => [
  { orderId: id('O3'), kind: 'reassign', reason: 'Technician stuck in traffic', appliedAt: at('03-04T09:20'), outcome: 'missed', outcomeAt: at('03-04T10:15') },
  { orderId: id('O4'), kind: 'reassign', reason: 'Closer technician free', appliedAt: at('03-08T10:05'), outcome: 'met', outcomeAt: at('03-08T10:10') },
  { orderId: id('O2'), kind: 'swap', reason: 'Swapped with a P4 visit', appliedAt: at('03-03T12:00'), outcome: 'met', outcomeAt: at('03-03T17:00') },
  { orderId: id('O7'), kind: 'reassign', reason: 'Night shift cover', appliedAt: at('03-08T22:40'), outcome: null, outcomeAt: null },
];

export interface Counts {
  met: number;
  missed: number;
  breached: number;
  counted: number;
  adherence: number | null;
}

/**
 * DOMAIN.md's rule, counted here in plain code from the specs: met or missed when the clock stopped in [from, to),
 * breached when at `to` it had started, was past due and had not stopped; cancelled clocks never count.
 */
export function handCount(orders: readonly OrderSpec[], from: number, to: number): Record<SlaMetric, Counts> {
  const result = {} as Record<SlaMetric, Counts>;
  for (const metric of ['response', 'arrival', 'resolution'] as const) {
    const clocks = orders.flatMap((o) => o.clocks).filter((c) => c.metric === metric && c.state !== 'cancelled');
    const stoppedIn = (c: ClockSpec) => c.stoppedAt !== null && c.stoppedAt >= from && c.stoppedAt < to;
    const met = clocks.filter((c) => c.state === 'met' && stoppedIn(c)).length;
    const missed = clocks.filter((c) => c.state === 'missed' && stoppedIn(c)).length;
    const breached = clocks.filter((c) => c.startedAt < to && c.dueAt < to && (c.stoppedAt === null || c.stoppedAt >= to)).length;
    const counted = met + missed + breached;
    result[metric] = { met, missed, breached, counted, adherence: counted === 0 ? null : met / counted };
  }
  return result;
}

/** `80.0 %` as the PDF prints it. */
export const pct = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`);
