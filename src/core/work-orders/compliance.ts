import type { Category } from '../../shared/schemas/reference.schema';

type Field = Category['complianceFields'][number];
type Values = Record<string, string | number | boolean>;

/** The stages a field can be required for, in lifecycle order: a field required on site is also required later. */
const STAGES = ['on_site', 'completed', 'closed'] as const;
export type ComplianceStage = (typeof STAGES)[number];

/** Fields required by `stage` (or earlier) that have no usable value yet. */
export function missingCompliance(fields: readonly Field[], values: Values, stage: ComplianceStage) {
  const upTo = STAGES.indexOf(stage);
  return fields
    .filter((f) => STAGES.indexOf(f.requiredFor) <= upTo)
    .filter((f) => {
      const v = values[f.key];
      return v === undefined || v === '' || (f.type === 'boolean' && v !== true);
    })
    .map((f) => ({ key: f.key, label: f.label, requiredFor: f.requiredFor }));
}
