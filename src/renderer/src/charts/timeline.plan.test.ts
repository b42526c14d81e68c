import { describe, expect, it } from 'vitest';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { kindOf, planDay } from './timeline.plan';

const MIN = 60_000;
const row = (id: string, status: WorkOrderSummary['status'], updatedAt: number, estimatedMinutes = 60, technicianId: string | null = 't1') =>
  ({ id, number: id, status, technicianId, updatedAt: updatedAt * MIN, estimatedMinutes }) as WorkOrderSummary;
const shown = (bars: ReturnType<typeof planDay>) => bars.map((b) => [b.order.id, b.technicianId, b.kind, b.start / MIN, b.end / MIN]);

describe('timeline plan', () => {
  it('puts started work first, from when it started, and the rest back to back from now', () => {
    const bars = planDay([row('next', 'dispatched', 590), row('here', 'on_site', 560), row('later', 'assigned', 595)], [], 600 * MIN);
    expect(shown(bars)).toEqual([
      ['here', 't1', 'working', 560, 620],
      ['next', 't1', 'planned', 620, 680],
      ['later', 't1', 'proposed', 680, 740],
    ]);
  });

  it("uses each order's own estimate, not a category guess", () => {
    const bars = planDay([row('long', 'accepted', 500, 150), row('short', 'dispatched', 510, 20), row('mid', 'assigned', 520, 45)], [], 600 * MIN);
    expect(shown(bars)).toEqual([
      ['long', 't1', 'planned', 600, 750],
      ['short', 't1', 'planned', 750, 770],
      ['mid', 't1', 'proposed', 770, 815],
    ]);
  });

  it('plans each technician on their own row and leaves unassigned orders off', () => {
    const bars = planDay(
      [row('a1', 'en_route', 590, 30, 'a'), row('b1', 'dispatched', 580, 90, 'b'), row('free', 'new', 585, 60, null), row('a2', 'accepted', 595, 40, 'a')],
      [],
      600 * MIN,
    );
    expect(shown(bars)).toEqual([
      ['a1', 'a', 'working', 590, 620],
      ['a2', 'a', 'planned', 620, 660],
      ['b1', 'b', 'planned', 600, 690],
    ]);
  });

  it('orders started work on site, then en route, then on hold, and same-status work by oldest change', () => {
    const bars = planDay(
      [row('held', 'on_hold', 500, 30), row('driving', 'en_route', 590, 15), row('here', 'on_site', 570, 45), row('b', 'accepted', 599, 10), row('a', 'accepted', 598, 10)],
      [],
      600 * MIN,
    );
    expect(shown(bars)).toEqual([
      ['here', 't1', 'working', 570, 615],
      ['driving', 't1', 'working', 615, 630],
      ['held', 't1', 'working', 630, 660],
      ['a', 't1', 'planned', 660, 670],
      ['b', 't1', 'planned', 670, 680],
    ]);
  });

  it('lets overrunning work run on past now, and ends finished work when it was completed', () => {
    const bars = planDay([row('slow', 'on_site', 500, 30)], [row('done', 'completed', 480, 30), row('closed', 'closed', 400, 90)], 600 * MIN);
    expect(shown(bars)).toEqual([
      ['done', 't1', 'done', 450, 480],
      ['closed', 't1', 'done', 310, 400],
      ['slow', 't1', 'working', 500, 601],
    ]);
  });

  it('draws a zero estimate as a one-minute sliver rather than nothing', () => {
    expect(shown(planDay([row('quick', 'dispatched', 590, 0)], [], 600 * MIN))).toEqual([['quick', 't1', 'planned', 600, 601]]);
  });

  it('names the kind of bar by status', () => {
    expect(['assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold', 'completed', 'closed'].map((s) => kindOf(s as never))).toEqual([
      'proposed', 'planned', 'planned', 'working', 'working', 'working', 'done', 'done',
    ]);
  });
});
