import type { SlaMetric, SlaPolicy } from '@shared/schemas/reference.schema';
import { joinSeconds, splitSeconds } from '../../format/admin';

export const METRICS: { metric: SlaMetric; label: string; hint: string }[] = [
  { metric: 'response', label: 'Response', hint: 'request received → technician accepts' },
  { metric: 'arrival', label: 'Arrival', hint: 'request received → technician on site' },
  { metric: 'resolution', label: 'Resolution', hint: 'request received → work completed' },
];

export interface TargetRow {
  on: boolean;
  hours: number | null;
  minutes: number | null;
}
export type TargetsForm = Record<SlaMetric, TargetRow>;

/** Hold reasons the technicians' app offers; a policy may list others (free text, as codes). */
export const KNOWN_HOLD_REASONS = ['waiting_customer', 'waiting_parts', 'waiting_access', 'waiting_third_party'];

export function toTargetsForm(targets: SlaPolicy['targets']): TargetsForm {
  const row = (metric: SlaMetric): TargetRow => {
    const t = targets.find((x) => x.metric === metric);
    return t ? { on: true, ...splitSeconds(t.targetSeconds) } : { on: false, hours: null, minutes: null };
  };
  return { response: row('response'), arrival: row('arrival'), resolution: row('resolution') };
}

/** The enabled targets in metric order; their index in this list is the index the schema reports errors at. */
export function toTargetsInput(form: TargetsForm): { metric: SlaMetric; targetSeconds: number | undefined }[] {
  return METRICS.filter(({ metric }) => form[metric].on).map(({ metric }) => ({
    metric,
    targetSeconds: joinSeconds(form[metric].hours, form[metric].minutes),
  }));
}

/** Typed thresholds ("75", "90") as numbers; anything else stays as typed so the schema reports it. */
export const toThresholds = (values: string[]): (number | string)[] => values.map((v) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v));
