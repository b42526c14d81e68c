import type { Priority } from '../../shared/schemas/common';

export interface PolicyCriteria {
  id: string;
  name: string;
  rank: number;
  priority: string | null;
  category_id: string | null;
  customer_id: string | null;
  contract_code: string | null;
}

export interface OrderFacts {
  priority: Priority;
  categoryId: string;
  customerId: string;
  contractCode: string | null;
}

/**
 * DOMAIN.md: a policy matches when every criterion it sets equals the order's; the most specific match (most
 * criteria set) wins; ties go to the higher explicit rank, then — so the choice is deterministic — to the name.
 */
export function matchPolicy<P extends PolicyCriteria>(policies: readonly P[], order: OrderFacts): P | null {
  let best: P | null = null;
  let bestSpecificity = -1;
  for (const p of policies) {
    const checks: [string | null, string | null][] = [
      [p.priority, order.priority],
      [p.category_id, order.categoryId],
      [p.customer_id, order.customerId],
      [p.contract_code, order.contractCode],
    ];
    if (checks.some(([wanted, actual]) => wanted !== null && wanted !== actual)) continue;
    const specificity = checks.filter(([wanted]) => wanted !== null).length;
    if (
      best === null ||
      specificity > bestSpecificity ||
      (specificity === bestSpecificity && (p.rank > best.rank || (p.rank === best.rank && p.name < best.name)))
    ) {
      best = p;
      bestSpecificity = specificity;
    }
  }
  return best;
}
