import type { EscalationLevel, EscalationThreshold } from '../../shared/schemas/escalation.schema';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { NewAlert } from './alert-writer';
import type { LevelFiring } from './escalation-plan';
import { ESCALATION_KIND, type Protocol } from './escalation-store';

/** The alert one escalation level raises for one clock: its key, severity and words. */

export interface EscalatedClock {
  orderId: string;
  orderNumber: string;
  clockId: string;
  metric: SlaMetric;
  targetSeconds: number;
  dueAt: number;
}

/** A level fires once per clock, ever (the alerts table refuses a second row with this key). */
export const escalationKey = (clockId: string, level: number): string => `sla:${clockId}:level:${level}`;

function formatDuration(seconds: number): string {
  const s = Math.abs(seconds);
  const parts = [[Math.floor(s / 86_400), 'd'], [Math.floor((s % 86_400) / 3600), 'h'], [Math.floor((s % 3600) / 60), 'min'], [s % 60, 's']] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
  return shown.length > 0 ? shown.join(' ') : '0 s';
}

function describeThreshold(threshold: EscalationThreshold): string {
  if (threshold.kind === 'percent') return `${threshold.percent} % elapsed`;
  if (threshold.offsetSeconds === 0) return 'due';
  const span = `${formatDuration(threshold.offsetSeconds)} of business time`;
  return threshold.offsetSeconds < 0 ? `${span} before due` : `${span} past due`;
}

/** At or after the due instant is critical; before it, a warning. */
function severityOf(threshold: EscalationThreshold): 'warning' | 'critical' {
  return (threshold.kind === 'percent' ? threshold.percent >= 100 : threshold.offsetSeconds >= 0) ? 'critical' : 'warning';
}

export function escalationAlert(clock: EscalatedClock, protocol: Protocol, firing: LevelFiring, late: boolean): NewAlert {
  const { level } = firing;
  const previous: EscalationLevel | undefined = protocol.levels.find((l) => l.level === level.level - 1);
  const why =
    firing.cause === 'ack_timeout' && previous
      ? `escalated: level ${previous.level} was not acknowledged within ${formatDuration(previous.ackTimeoutSeconds)}`
      : `reached ${describeThreshold(level.threshold)}`;
  const due = new Date(clock.dueAt).toISOString().replace('.000Z', 'Z');
  return {
    kind: ESCALATION_KIND,
    severity: severityOf(level.threshold),
    dedupeKey: escalationKey(clock.clockId, level.level),
    title: `${clock.orderNumber} ${clock.metric}: ${describeThreshold(level.threshold)}`,
    message:
      `Level ${level.level} of "${protocol.name}": the ${clock.metric} clock (target ${formatDuration(clock.targetSeconds)} of business time, ` +
      `due ${due}) ${why}. Notifying ${level.notify.join(', ')}.` +
      (late ? ' Raised late: its instant passed while the app was not running.' : ''),
    workOrderId: clock.orderId,
    clockId: clock.clockId,
    level: level.level,
    notifyRoles: level.notify,
    channels: level.channels,
    data: {
      protocolId: protocol.id,
      protocolName: protocol.name,
      metric: clock.metric,
      threshold: level.threshold,
      cause: firing.cause,
      reachedAt: firing.reachedAt,
      late,
      dueAt: clock.dueAt,
      targetSeconds: clock.targetSeconds,
    },
  };
}
