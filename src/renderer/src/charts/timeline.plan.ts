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

function kindOf(status: WorkOrderStatus): BarKind {
  if (status === 'completed' || status === 'closed') return 'done';
  if (STARTED.includes(status)) return 'working';
  return status === 'assigned' ? 'proposed' : 'planned';
}

/**
 * Each technician's day as bars of estimated duration: finished work ending when it was completed; started work
 * from when it last changed state (set off, arrived, paused), running on while it overruns; then the orders not
 * started yet, back to back from now in the order they would be done (accepted before dispatched before proposed).
 */
export function planDay(open: WorkOrderSummary[], done: WorkOrderSummary[], minutesOf: (o: WorkOrderSummary) => number, now: number): Bar[] {
  const bars: Bar[] = done.map((o) => ({
    order: o,
    technicianId: o.technicianId!,
    start: o.updatedAt - minutesOf(o) * MINUTE,
    end: o.updatedAt,
    kind: 'done',
  }));
  const byTechnician = new Map<string, WorkOrderSummary[]>();
  for (const o of open) if (o.technicianId) byTechnician.set(o.technicianId, [...(byTechnician.get(o.technicianId) ?? []), o]);
  const rank = (s: WorkOrderStatus) => (STARTED.includes(s) ? STARTED.indexOf(s) : STARTED.length + NOT_STARTED.indexOf(s));
  for (const [technicianId, orders] of byTechnician) {
    let cursor = Number.NEGATIVE_INFINITY;
    for (const o of [...orders].sort((a, b) => rank(a.status) - rank(b.status) || a.updatedAt - b.updatedAt)) {
      const started = STARTED.includes(o.status);
      const start = Math.max(cursor, started ? o.updatedAt : now);
      const end = Math.max(start + minutesOf(o) * MINUTE, started ? now + MINUTE : 0);
      bars.push({ order: o, technicianId, start, end, kind: kindOf(o.status) });
      cursor = end;
    }
  }
  return bars;
}
