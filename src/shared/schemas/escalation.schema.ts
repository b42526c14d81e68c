import { z } from 'zod';
import { EpochMs, Id } from './common';

/**
 * Escalation protocols (DOMAIN.md "Escalation"): a list of levels, each a threshold → who is told over which
 * channels → how long they have to acknowledge before the next level → whether it repeats until acknowledged.
 * The one schema for `escalation_protocols.levels_json`: the API validates with it and core parses stored rows
 * with it.
 */

/** The roles an alert can be addressed to: the people who work the board. */
export const NotifyRole = z.enum(['dispatcher', 'manager', 'admin']);
export type NotifyRole = z.infer<typeof NotifyRole>;

export const AlertChannelKind = z.enum(['in_app', 'desktop', 'email', 'webhook']);
export type AlertChannelKind = z.infer<typeof AlertChannelKind>;

const YEAR_SECONDS = 366 * 86_400;
const WEEK_SECONDS = 7 * 86_400;

export const EscalationThreshold = z.discriminatedUnion('kind', [
  /** Percent of the target elapsed in business time; above 100 is after the due instant. */
  z.strictObject({ kind: z.literal('percent'), percent: z.number().gt(0).max(1000) }),
  /** Business seconds relative to the due instant: negative before it ("30 business minutes before due"), positive after. */
  z.strictObject({ kind: z.literal('due_offset'), offsetSeconds: z.number().int().min(-YEAR_SECONDS).max(YEAR_SECONDS) }),
]);
export type EscalationThreshold = z.infer<typeof EscalationThreshold>;

const distinct = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .min(1)
    .refine((list) => new Set(list).size === list.length, `each ${what} at most once`);

export const EscalationLevel = z.strictObject({
  level: z.number().int().min(1).max(20),
  threshold: EscalationThreshold,
  notify: distinct(NotifyRole, 'role'),
  channels: distinct(AlertChannelKind, 'channel'),
  /** Wall-clock seconds the notified people have to acknowledge before the next level fires. */
  ackTimeoutSeconds: z.number().int().min(60).max(WEEK_SECONDS),
  /** Wall-clock seconds between re-notifications of this level until someone acknowledges. */
  repeatEverySeconds: z.number().int().min(60).max(WEEK_SECONDS).optional(),
});
export type EscalationLevel = z.infer<typeof EscalationLevel>;

/** Levels numbered 1, 2, 3… in order, so "the next level" is always the next entry. */
export const EscalationLevels = z
  .array(EscalationLevel)
  .min(1)
  .max(10)
  .superRefine((levels, ctx) => {
    levels.forEach((l, i) => {
      if (l.level !== i + 1) ctx.addIssue({ code: 'custom', path: [i, 'level'], message: `must be ${i + 1}: levels are numbered 1, 2, 3… in order` });
    });
  });

export const EscalationProtocol = z.object({
  id: Id,
  name: z.string(),
  levels: z.array(EscalationLevel),
  /** Names of the SLA policies that escalate with it. */
  usedBy: z.array(z.string()),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
