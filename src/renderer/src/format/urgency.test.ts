import { describe, expect, it } from 'vitest';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { byUrgency } from './urgency';

const order = (id: string, over: Partial<WorkOrderSummary>): WorkOrderSummary => ({
  id,
  number: id,
  status: 'new',
  priority: 'P3',
  categoryCode: 'LEAK',
  customerName: 'C',
  siteName: 'S',
  regionId: null,
  technicianId: null,
  receivedAt: 0,
  updatedAt: 0,
  updatedBy: 'Dispatcher',
  estimatedMinutes: 60,
  site: { lat: 52.37, lon: 4.9 },
  version: 1,
  nextDue: null,
  ...over,
});

describe('queue urgency', () => {
  it('orders by next due instant, then priority, then waiting time, with no clock last', () => {
    const rows = [
      order('no-clock', { priority: 'P1' }),
      order('late-p2', { priority: 'P2', nextDue: { metric: 'response', dueAt: 500 } }),
      order('soon', { priority: 'P4', nextDue: { metric: 'arrival', dueAt: 100 } }),
      order('late-p1-new', { priority: 'P1', receivedAt: 20, nextDue: { metric: 'response', dueAt: 500 } }),
      order('late-p1-old', { priority: 'P1', receivedAt: 10, nextDue: { metric: 'response', dueAt: 500 } }),
    ];
    expect(rows.sort(byUrgency).map((o) => o.id)).toEqual(['soon', 'late-p1-old', 'late-p1-new', 'late-p2', 'no-clock']);
  });
});
