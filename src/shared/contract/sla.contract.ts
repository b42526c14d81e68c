import { z } from 'zod';
import { EpochMs, Id, IsoInstant, Priority } from '../schemas/common';
import { ClockState } from '../schemas/work-order.schema';
import { VIEWERS } from '../roles';
import { defineMethod } from './define';

const Metric = z.enum(['response', 'arrival', 'resolution']);
const RepairedClock = z.object({ state: ClockState, targetSeconds: z.number().int(), dueAt: EpochMs.nullable(), elapsedSeconds: z.number().int() });
const Counts = z.object({
  met: z.number().int(),
  missed: z.number().int(),
  /** Running past their due instant at the end of the period. */
  breached: z.number().int(),
  /** met / (met + missed + breached); null when there is nothing to count. */
  adherence: z.number().nullable(),
});

export const slaMethods = {
  'sla.adherence': defineMethod({
    summary:
      'SLA adherence for a period: met / (met + missed + breached-and-still-running), counting clocks that stopped in [from, to) or are still breached at `to`; overall and grouped.',
    input: z.strictObject({
      from: IsoInstant,
      to: IsoInstant,
      metric: Metric.optional(),
      groupBy: z.enum(['customer', 'priority', 'region', 'team', 'category']).optional(),
    }),
    output: z.object({
      from: EpochMs,
      to: EpochMs,
      results: z.array(
        z.object({ metric: Metric, overall: Counts, groups: z.array(Counts.extend({ key: z.string(), label: z.string() })) }),
      ),
    }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/sla/adherence' },
  }),
  'sla.atRisk': defineMethod({
    summary:
      'Running clocks at risk: predicted stop (now + travel ETA + remaining estimated work, in business time) after the due instant, or percent elapsed past the first warning threshold.',
    input: z.strictObject({ limit: z.coerce.number().int().min(1).max(2000).default(200) }),
    output: z.object({
      now: EpochMs,
      items: z.array(
        z.object({
          orderId: Id,
          number: z.string(),
          priority: Priority,
          customerName: z.string(),
          technicianId: z.string().nullable(),
          metric: Metric,
          state: ClockState,
          dueAt: EpochMs,
          percentElapsed: z.number(),
          predictedStopAt: EpochMs,
          reasons: z.array(z.string()),
        }),
      ),
    }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/sla/at-risk' },
  }),
  'sla.repair': defineMethod({
    summary:
      "SLA repair after a calendar or policy correction: re-reads the chosen orders' policy (targets, calendar, thresholds, pausing reasons) and recomputes their clocks from their event history. Each order's recomputation is audited with before/after and noted in its history and clock timelines; nothing else ever moves a running clock's basis.",
    input: z.strictObject({
      orderIds: z.array(Id).min(1).max(200),
      reason: z.string().trim().min(3).max(500),
    }),
    output: z.object({
      results: z.array(
        z.object({
          orderId: Id,
          number: z.string(),
          clocks: z.array(z.object({ metric: Metric, before: RepairedClock, after: RepairedClock })),
        }),
      ),
    }),
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/sla/repair' },
  }),
};
