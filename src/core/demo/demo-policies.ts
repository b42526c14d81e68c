import type { Insertable } from 'kysely';
import type { Database, Priority, SlaMetric } from '../db/schema';

type Row<T extends keyof Database> = Insertable<Database[T]>;

const MINUTE = 60;
const HOUR = 3600;
/** A business day on the "Business hours" calendar is its Mon–Fri opening of 10 hours. */
const BUSINESS_DAY = 10 * HOUR;
const METRICS: readonly SlaMetric[] = ['response', 'arrival', 'resolution'];

interface PolicySpec {
  id: string;
  name: string;
  priority: Priority | null;
  customerId: string | null;
  calendar: 'cal_24x7' | 'cal_business';
  /** Targets in business seconds of the calendar, in METRICS order. */
  targets: readonly [number, number, number];
  rank: number;
}

const P1_TARGETS = [30 * MINUTE, 2 * HOUR, 4 * HOUR] as const;

const byPriority = (priority: Priority, label: string, calendar: PolicySpec['calendar'], targets: PolicySpec['targets']) => ({
  id: `sla_${priority.toLowerCase()}`,
  name: `${priority} ${label} (${calendar === 'cal_24x7' ? '24x7' : 'business hours'})`,
  priority, customerId: null, calendar, targets, rank: 10,
});

const PRIORITY_POLICIES: readonly PolicySpec[] = [
  byPriority('P1', 'critical', 'cal_24x7', P1_TARGETS),
  byPriority('P2', 'high', 'cal_24x7', [HOUR, 4 * HOUR, 8 * HOUR]),
  byPriority('P3', 'normal', 'cal_business', [4 * HOUR, BUSINESS_DAY, 3 * BUSINESS_DAY]),
  byPriority('P4', 'low', 'cal_business', [8 * HOUR, 3 * BUSINESS_DAY, 5 * BUSINESS_DAY]),
];

/**
 * Escalation levels: a threshold (percent elapsed, or business seconds relative to the due instant), who is told
 * over which channels, how long they have to acknowledge before the next level, and whether the level repeats.
 */
const ESCALATION_LEVELS = [
  {
    level: 1, threshold: { kind: 'percent', percent: 75 }, notify: ['dispatcher'], channels: ['in_app', 'desktop'],
    ackTimeoutSeconds: 15 * MINUTE,
  },
  {
    level: 2, threshold: { kind: 'percent', percent: 90 }, notify: ['dispatcher', 'manager'],
    channels: ['in_app', 'desktop', 'email'], ackTimeoutSeconds: 15 * MINUTE,
  },
  {
    level: 3, threshold: { kind: 'due_offset', offsetSeconds: 0 }, notify: ['manager'],
    channels: ['in_app', 'email', 'webhook'], ackTimeoutSeconds: 30 * MINUTE, repeatEverySeconds: 30 * MINUTE,
  },
];

export function buildPolicies(
  now: number,
  gold: { customerId: string; customerName: string },
): { protocols: Row<'escalation_protocols'>[]; policies: Row<'sla_policies'>[]; targets: Row<'sla_targets'>[] } {
  const specs: PolicySpec[] = [
    ...PRIORITY_POLICIES,
    // A named customer gets P1-grade targets on every priority; its rank wins the tie with the priority policies.
    {
      id: 'sla_gold', name: `GOLD ${gold.customerName}`, priority: null, customerId: gold.customerId,
      calendar: 'cal_24x7', targets: P1_TARGETS, rank: 100,
    },
  ];
  return {
    protocols: [
      {
        id: 'esc_standard', name: 'Standard escalation', levels_json: JSON.stringify(ESCALATION_LEVELS),
        created_at: now, updated_at: now,
      },
    ],
    policies: specs.map((p) => ({
      id: p.id, name: p.name, rank: p.rank, priority: p.priority, category_id: null, customer_id: p.customerId,
      contract_code: null, calendar_id: p.calendar, zone_mode: 'calendar',
      pausing_reasons_json: JSON.stringify(['waiting_customer', 'waiting_parts']),
      warning_thresholds_json: JSON.stringify([75, 90]), reopen_window_seconds: 7 * 24 * HOUR,
      escalation_protocol_id: 'esc_standard', active: 1, created_at: now, updated_at: now,
    })),
    targets: specs.flatMap((p) => METRICS.map((metric, i) => ({ policy_id: p.id, metric, target_seconds: p.targets[i]! }))),
  };
}
