import { z } from 'zod';
import { Id, Priority } from './common';
import { DisplayName, FieldKey, uniqueBy } from './admin-fields.schema';
import { SlaMetric } from './reference.schema';

/**
 * Inputs of the SLA policy administration. A policy's targets are copied into each order when it is created
 * (DOMAIN.md), so editing a policy changes what new orders get and never rewrites the targets of existing ones.
 */

const YEAR_SECONDS = 366 * 24 * 3600;

/** Match criteria: a criterion left null matches any order; the most specific matching policy wins, then rank. */
export const PolicyMatchInput = z.strictObject({
  priority: Priority.nullable().default(null),
  categoryId: Id.nullable().default(null),
  customerId: Id.nullable().default(null),
  contractCode: z.string().trim().min(1).max(50).nullable().default(null),
});

/** A target in business seconds of the policy's calendar. */
export const SlaTargetInput = z.strictObject({
  metric: SlaMetric,
  targetSeconds: z.number().int().min(0, 'must not be negative').max(YEAR_SECONDS, 'at most a year'),
});

/** Percent elapsed at which a clock warns, e.g. [75, 90]: each in (0, 100), ascending order not required. */
const WarningThresholds = uniqueBy(
  z.number().gt(0, 'must be above 0 %').lt(100, 'must be below 100 % (the breach itself is 100 %)'),
  (t) => String(t),
  null,
  'threshold',
).max(5);

const policyFields = {
  name: DisplayName,
  rank: z.number().int().min(-1000).max(1000),
  match: PolicyMatchInput,
  calendarId: Id,
  /** `calendar`: the calendar's own zone; `site`: the calendar's hours read in each site's zone. */
  zoneMode: z.enum(['calendar', 'site']),
  targets: uniqueBy(SlaTargetInput, (t) => t.metric, 'metric', 'metric').max(3),
  warningThresholds: WarningThresholds,
  /** Hold reasons (e.g. `waiting_customer`) that pause the clocks. */
  pausingReasons: uniqueBy(FieldKey, (r) => r, null, 'reason').max(20),
  reopenWindowSeconds: z.number().int().min(0, 'must not be negative').max(YEAR_SECONDS, 'at most a year'),
  escalationProtocolId: Id.nullable(),
  active: z.boolean(),
};

export const CreateSlaPolicyInput = z.strictObject({
  ...policyFields,
  rank: policyFields.rank.default(0),
  // No criteria: a catch-all policy (the least specific, so any policy with a criterion beats it).
  match: PolicyMatchInput.prefault({}),
  // No targets: a best-effort policy (no clocks), e.g. for a customer without a service contract.
  targets: policyFields.targets.default([]),
  zoneMode: policyFields.zoneMode.default('calendar'),
  warningThresholds: WarningThresholds.default([75, 90]),
  pausingReasons: policyFields.pausingReasons.default([]),
  reopenWindowSeconds: policyFields.reopenWindowSeconds.default(0),
  escalationProtocolId: policyFields.escalationProtocolId.default(null),
  active: z.boolean().default(true),
});
export const UpdateSlaPolicyInput = z.strictObject({ id: Id, ...z.strictObject(policyFields).partial().shape });

export type CreateSlaPolicyInput = z.input<typeof CreateSlaPolicyInput>;
export type UpdateSlaPolicyInput = z.input<typeof UpdateSlaPolicyInput>;
