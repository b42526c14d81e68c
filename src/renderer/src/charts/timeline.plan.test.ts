import { describe, expect, it } from 'vitest';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { planDay } from './timeline.plan';

const MIN = 60_000;
const row = (id: string, status: WorkOrderSummary['status'], updatedAt: number) =>
  ({ id, number: id, status, technicianId: 't1', updatedAt }) as WorkOrderSummary;

describe('timeline plan', () => {
  it('puts started work first, from when it started, and the rest back to back from now', () => {
    const now = 600 * MIN;
    const bars = planDay([row('next', 'dispatched', 590 * MIN), row('here', 'on_site', 560 * MIN), row('later', 'assigned', 595 * MIN)], [], () => 60, now);
    expect(bars.map((b) => [b.order.id, b.kind, b.start / MIN, b.end / MIN])).toEqual([
      ['here', 'working', 560, 620],
      ['next', 'planned', 620, 680],
      ['later', 'proposed', 680, 740],
    ]);
  });

  it('lets overrunning work run on past now, and ends finished work when it was completed', () => {
    const now = 600 * MIN;
    const [overrun, done] = planDay([row('slow', 'on_site', 500 * MIN)], [row('done', 'completed', 480 * MIN)], () => 30, now).sort((a, b) => b.end - a.end);
    expect(overrun!.end).toBe(now + MIN);
    expect([done!.start / MIN, done!.end / MIN]).toEqual([450, 480]);
  });
});
