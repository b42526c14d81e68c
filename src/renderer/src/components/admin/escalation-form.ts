import type { AlertChannelKind, EscalationLevel, NotifyRole } from '@shared/schemas/escalation.schema';

/** One level as the form holds it: minutes where the contract has seconds, the offset's sign as a word. */
export interface LevelRow {
  thresholdKind: 'percent' | 'due_offset';
  percent: number | null;
  offsetMinutes: number | null;
  direction: 'before' | 'after';
  notify: NotifyRole[];
  channels: AlertChannelKind[];
  ackMinutes: number | null;
  repeat: boolean;
  repeatMinutes: number | null;
}

export const ROLE_OPTIONS: { value: NotifyRole; label: string }[] = [
  { value: 'dispatcher', label: 'Dispatchers' },
  { value: 'manager', label: 'Managers' },
  { value: 'admin', label: 'Admins' },
];

export const CHANNEL_OPTIONS: { value: AlertChannelKind; label: string }[] = [
  { value: 'in_app', label: 'In app' },
  { value: 'desktop', label: 'Desktop' },
  { value: 'email', label: 'E-mail' },
  { value: 'webhook', label: 'Webhook' },
];

export const newLevel = (previous?: LevelRow): LevelRow => ({
  thresholdKind: 'percent',
  percent: previous?.thresholdKind === 'percent' && previous.percent !== null ? Math.min(previous.percent + 15, 100) : 75,
  offsetMinutes: 30,
  direction: 'before',
  notify: previous ? ['manager'] : ['dispatcher'],
  channels: ['in_app', 'desktop'],
  ackMinutes: 15,
  repeat: false,
  repeatMinutes: 30,
});

export function toLevelRow(level: EscalationLevel): LevelRow {
  const t = level.threshold;
  return {
    thresholdKind: t.kind,
    percent: t.kind === 'percent' ? t.percent : 75,
    offsetMinutes: t.kind === 'due_offset' ? Math.abs(t.offsetSeconds) / 60 : 30,
    direction: t.kind === 'due_offset' && t.offsetSeconds > 0 ? 'after' : 'before',
    notify: [...level.notify],
    channels: [...level.channels],
    ackMinutes: level.ackTimeoutSeconds / 60,
    repeat: level.repeatEverySeconds !== undefined,
    repeatMinutes: level.repeatEverySeconds !== undefined ? level.repeatEverySeconds / 60 : 30,
  };
}

const seconds = (minutes: number | null): number | undefined => (minutes === null ? undefined : Math.round(minutes * 60));

/** The contract's levels, numbered 1, 2, 3… in the order shown. */
export function toLevelsInput(rows: LevelRow[]) {
  return rows.map((r, i) => ({
    level: i + 1,
    threshold:
      r.thresholdKind === 'percent'
        ? { kind: 'percent' as const, percent: r.percent ?? undefined }
        : { kind: 'due_offset' as const, offsetSeconds: r.offsetMinutes === null ? undefined : (r.direction === 'before' ? -1 : 1) * Math.round(r.offsetMinutes * 60) },
    notify: r.notify,
    channels: r.channels,
    ackTimeoutSeconds: seconds(r.ackMinutes),
    ...(r.repeat ? { repeatEverySeconds: seconds(r.repeatMinutes) } : {}),
  }));
}
