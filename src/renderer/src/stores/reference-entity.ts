/**
 * `reference.changed` names its entity as free text ("technician", "sla_policies", …), so stores compare by
 * stem, ignoring case, separators and plural endings.
 */
export function isEntity(entity: string, ...stems: string[]): boolean {
  const normalised = entity.toLowerCase().replace(/[^a-z]/g, '');
  return stems.some((stem) => normalised.startsWith(stem));
}
