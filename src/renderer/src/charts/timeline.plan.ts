import type { WorkOrderStatus, WorkOrderSummary } from '@shared/schemas/work-order.schema';

export type BarKind = 'done' | 'working' | 'planned' | 'proposed';

export interface Bar {
  order: WorkOrderSummary;
  technicianId: string;
  start: number;
  end: number;
  kind: BarKind;
}

const MINUTE = 60_000;
/** Started work, in the order a technician does it: the job on site, then travel, then a paused one. */
const STARTED: WorkOrderStatus[] = ['on_site', 'en_route', 'on_hold'];
const NOT_STARTED: WorkOrderStatus[] = ['accepted', 'dispatched', 'assigned'];

export function kindOf(status: WorkOrderStatus): BarKind {
  if (status === 'completed' || status === 'closed') return 'done';
  if (STARTED.includes(status)) return 'working';
  return status === 'assigned' ? 'proposed' : 'planned';
}

/** The order's own estimate (its task scope, copied from the category at creation and editable per order). */
const durationOf = (o: WorkOrderSummary): number => Math.max(1, o.estimatedMinutes) * MINUTE;

/**
 * Each technician's day as bars of the orders' estimated durations: finished work ending when it was completed;
 * started work from when it last changed state (set off, arrived, paused), running on while it overruns; then the
 * orders not started yet, back to back from now in the order they would be done (accepted before dispatched before
 * proposed, each oldest change first). Pure: the same orders and `now` give the same bars.
 */
export function planDay(open: WorkOrderSummary[], done: WorkOrderSummary[], now: number): Bar[] {
  const bars: Bar[] = done
    .filter((o) => o.technicianId)
    .map((o) => ({ order: o, technicianId: o.technicianId!, start: o.updatedAt - durationOf(o), end: o.updatedAt, kind: 'done' }));
  const byTechnician = new Map<string, WorkOrderSummary[]>();
  for (const o of open) if (o.technicianId) byTechnician.set(o.technicianId, [...(byTechnician.get(o.technicianId) ?? []), o]);
  const rank = (s: WorkOrderStatus) => (STARTED.includes(s) ? STARTED.indexOf(s) : STARTED.length + NOT_STARTED.indexOf(s));
  for (const [technicianId, orders] of byTechnician) {
    let cursor = Number.NEGATIVE_INFINITY;
    for (const o of [...orders].sort((a, b) => rank(a.status) - rank(b.status) || a.updatedAt - b.updatedAt)) {
      if (!STARTED.includes(o.status) && !NOT_STARTED.includes(o.status)) continue;
      const started = STARTED.includes(o.status);
      const start = Math.max(cursor, started ? o.updatedAt : now);
      const end = Math.max(start + durationOf(o), started ? now + MINUTE : 0);
      bars.push({ order: o, technicianId, start, end, kind: kindOf(o.status) });
      cursor = end;
    }
  }
  return bars;
}
