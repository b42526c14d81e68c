import { describe, expect, it } from 'vitest';
import { matchPolicy, type PolicyCriteria } from './policy-match';

const policy = (id: string, rank: number, match: Partial<PolicyCriteria>): PolicyCriteria => ({
  id,
  name: id,
  rank,
  priority: null,
  category_id: null,
  customer_id: null,
  contract_code: null,
  ...match,
});

const order = { priority: 'P2' as const, categoryId: 'cat_hvac', customerId: 'cus_1', contractCode: 'GOLD' };

describe('SLA policy matching', () => {
  it('takes the most specific match', () => {
    const policies = [policy('p2', 50, { priority: 'P2' }), policy('p2-hvac', 1, { priority: 'P2', category_id: 'cat_hvac' })];
    expect(matchPolicy(policies, order)?.id).toBe('p2-hvac');
  });

  it('ignores a policy with any criterion that differs', () => {
    const policies = [policy('p2-elec', 99, { priority: 'P2', category_id: 'cat_elec' }), policy('p2', 1, { priority: 'P2' })];
    expect(matchPolicy(policies, order)?.id).toBe('p2');
  });

  it('breaks ties by rank, then by name', () => {
    const byRank = [policy('p2', 10, { priority: 'P2' }), policy('gold', 100, { customer_id: 'cus_1' })];
    expect(matchPolicy(byRank, order)?.id).toBe('gold');
    const byName = [policy('zeta', 5, { priority: 'P2' }), policy('alpha', 5, { contract_code: 'GOLD' })];
    expect(matchPolicy(byName, order)?.id).toBe('alpha');
  });

  it('falls back to a catch-all policy and returns null when nothing matches', () => {
    expect(matchPolicy([policy('default', 0, {}), policy('p1', 0, { priority: 'P1' })], order)?.id).toBe('default');
    expect(matchPolicy([policy('p1', 0, { priority: 'P1' })], order)).toBeNull();
  });
});
