import { z } from 'zod';
import { isKnownTimeZone } from './calendar.schema';
import { EpochMs, Id, IsoInstant, Priority } from './common';
import { SlaMetric } from './reference.schema';
import { WorkOrderStatus } from './work-order.schema';

/**
 * The compliance report (issue #5): one plain object that the Reports window previews and that core renders as
 * PDF and CSV, so the three can never disagree.
 */

/** Period [from, to) and filters; every field is a string so the same schema validates a URL query. */
export const ComplianceReportQuery = z.strictObject({
  from: IsoInstant,
  to: IsoInstant,
  customerId: Id.optional(),
  priority: Priority.optional(),
  regionId: Id.optional(),
  categoryCode: z.string().min(1).max(64).optional(),
  /** Zone in which dates and times are printed; the figures do not depend on it. */
  timeZone: z.string().min(1).max(64).refine(isKnownTimeZone, 'must be an IANA time zone').default('UTC'),
});
export type ComplianceReportQuery = z.output<typeof ComplianceReportQuery>;

export const ReportFormat = z.enum(['pdf', 'csv']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** DOMAIN.md adherence counts for one metric: met / (met + missed + breached-and-still-running). */
export const AdherenceCounts = z.object({
  met: z.number().int(),
  missed: z.number().int(),
  /** Running past the due instant at the end of the period (or bucket). */
  breached: z.number().int(),
  /** met + missed + breached: the denominator. */
  counted: z.number().int(),
  /** Ratio 0..1 rounded to 4 decimals; null when nothing was counted. */
  adherence: z.number().nullable(),
});
export type AdherenceCounts = z.infer<typeof AdherenceCounts>;

export const PerMetric = z.object({ response: AdherenceCounts, arrival: AdherenceCounts, resolution: AdherenceCounts });
export type PerMetric = z.infer<typeof PerMetric>;

export const BREAKDOWN_DIMENSIONS = ['priority', 'category', 'region', 'customer'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

const Named = z.object({ id: z.string(), name: z.string() });

/** A table that may be cut: `total` rows exist, the first `cap` (by the stated order) are in `rows`. */
const capped = <T extends z.ZodType>(row: T) => z.object({ total: z.number().int(), cap: z.number().int(), rows: z.array(row) });

export const BreachRow = z.object({
  orderId: z.string(),
  number: z.string(),
  customerName: z.string(),
  priority: Priority,
  metric: SlaMetric,
  dueAt: EpochMs,
  /** When the clock stopped (missed); null while it was still running at the end of the period. */
  stoppedAt: EpochMs.nullable(),
  /** Wall-clock time from the due instant to the stop, or to the end of the period for a clock still running. */
  overrunSeconds: z.number().int(),
});

export const OpenBreachedOrderRow = z.object({
  orderId: z.string(),
  number: z.string(),
  customerName: z.string(),
  priority: Priority,
  /** Metrics whose clocks were running past their due instant at the end of the period. */
  metrics: z.array(SlaMetric),
  /** The earliest of those due instants. */
  firstDueAt: EpochMs,
  overrunSeconds: z.number().int(),
  /** The order's status when the report was made (it may have moved on since the period ended). */
  statusNow: WorkOrderStatus,
});

export const EscalationLevelRow = z.object({
  level: z.number().int(),
  raised: z.number().int(),
  acknowledged: z.number().int(),
  medianAckSeconds: z.number().nullable(),
  p90AckSeconds: z.number().nullable(),
  maxAckSeconds: z.number().nullable(),
});

export const EscalationRow = z.object({
  alertId: z.string(),
  raisedAt: EpochMs,
  level: z.number().int(),
  kind: z.string(),
  severity: z.string(),
  orderNumber: z.string().nullable(),
  title: z.string(),
  acknowledgedAt: EpochMs.nullable(),
  ackSeconds: z.number().nullable(),
});

const ActionOutcomes = z.object({
  total: z.number().int(),
  met: z.number().int(),
  missed: z.number().int(),
  /** Outcome not known yet: not part of the effectiveness ratio. */
  pending: z.number().int(),
  /** met / (met + missed), rounded to 4 decimals; null when no outcome is known. */
  effectiveness: z.number().nullable(),
});

export const CorrectiveActionRow = z.object({
  id: z.string(),
  appliedAt: EpochMs,
  orderNumber: z.string(),
  kind: z.string(),
  reason: z.string(),
  outcome: z.enum(['met', 'missed']).nullable(),
  outcomeAt: EpochMs.nullable(),
});

export const ComplianceReport = z.object({
  title: z.string(),
  generatedAt: EpochMs,
  period: z.object({
    from: EpochMs,
    to: EpochMs,
    /** The instant the figures describe: `to`, or the moment of generation if the period has not ended yet. */
    asOf: EpochMs,
    timeZone: z.string(),
  }),
  filters: z.object({
    customer: Named.nullable(),
    priority: Priority.nullable(),
    region: Named.nullable(),
    category: z.object({ code: z.string(), name: z.string() }).nullable(),
  }),
  adherence: PerMetric,
  breakdowns: z.array(
    z.object({
      dimension: z.enum(BREAKDOWN_DIMENSIONS),
      groups: z.array(PerMetric.extend({ key: z.string(), label: z.string() })),
    }),
  ),
  trend: z.object({
    /** Consecutive 24-hour days (periods up to 62 days) or 7-day weeks from the period start. */
    bucket: z.enum(['day', 'week']),
    points: z.array(PerMetric.extend({ start: EpochMs, end: EpochMs })),
  }),
  /** Every clock counted as missed or breached, largest overrun first. */
  breaches: capped(BreachRow),
  /** Orders with a clock running past its due instant at the end of the period, largest overrun first. */
  openBreachedOrders: capped(OpenBreachedOrderRow),
  escalations: z.object({
    raised: z.number().int(),
    acknowledged: z.number().int(),
    byLevel: z.array(EscalationLevelRow),
    /** Unacknowledged first, then the slowest acknowledgements. */
    slowest: capped(EscalationRow),
  }),
  correctiveActions: ActionOutcomes.extend({
    byKind: z.array(ActionOutcomes.extend({ kind: z.string() })),
    /** Most recent first. */
    recent: capped(CorrectiveActionRow),
  }),
  audit: z.object({
    ok: z.boolean(),
    count: z.number().int(),
    firstHash: z.string().nullable(),
    lastHash: z.string().nullable(),
    brokenAt: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).nullable(),
  }),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const ReportFile = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** The file's bytes, base64 (IPC and JSON carry no binary). */
  base64: z.string(),
});
