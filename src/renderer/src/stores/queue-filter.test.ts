import { describe, expect, it } from 'vitest';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { emptyFilter, isFiltering, matcher, UNASSIGNED } from './queue-filter';

const row = (over: Partial<WorkOrderSummary>) =>
  ({ number: 'WO-2026-000042', status: 'new', priority: 'P2', categoryCode: 'LEAK', customerName: 'Harbourside Cinema', siteName: 'Shop', technicianId: null, ...over }) as WorkOrderSummary;

describe('queue filters', () => {
  it('matches every word of the text against number, customer and site', () => {
    const match = matcher({ ...emptyFilter(), text: 'harbour  shop' });
    expect(match(row({}))).toBe(true);
    expect(match(row({ siteName: 'Depot' }))).toBe(false);
    expect(matcher({ ...emptyFilter(), text: '000042' })(row({}))).toBe(true);
  });

  it('combines status, priority, category and technician', () => {
    const filter = { ...emptyFilter(), statuses: ['assigned' as const], priorities: ['P2' as const], categoryCodes: ['LEAK'], technicianId: 'tech_1' };
    expect(matcher(filter)(row({ status: 'assigned', technicianId: 'tech_1' }))).toBe(true);
    expect(matcher(filter)(row({ status: 'assigned', technicianId: 'tech_2' }))).toBe(false);
    expect(matcher({ ...emptyFilter(), technicianId: UNASSIGNED })(row({ technicianId: 'tech_1' }))).toBe(false);
    expect(isFiltering(emptyFilter())).toBe(false);
    expect(isFiltering(filter)).toBe(true);
  });
});
