import type { Kysely } from 'kysely';
import type { WorkOrderSummary } from '../../shared/schemas/work-order.schema';
import type { Database } from '../db/schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { decodeCursor, encodeCursor } from '../util/cursor';

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('work_orders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .innerJoin('sites as s', 's.id', 'wo.site_id')
    .innerJoin('categories as cat', 'cat.id', 'wo.category_id')
    .select([
      'wo.id',
      'wo.number',
      'wo.status',
      'wo.priority',
      'cat.code as categoryCode',
      'c.name as customerName',
      's.name as siteName',
      's.region_id as regionId',
      'wo.technician_id as technicianId',
      'wo.received_at as receivedAt',
      'wo.updated_at as updatedAt',
      'wo.updated_by as updatedBy',
      'wo.version',
      'wo.estimated_minutes as estimatedMinutes',
      's.lat as siteLat',
      's.lon as siteLon',
    ]);
}

type Row = Omit<WorkOrderSummary, 'nextDue' | 'site'> & { siteLat: number; siteLon: number };

/** Adds each order's next due instant (earliest live clock) in one query for the whole page. */
async function withNextDue(db: Kysely<Database>, rows: Row[]): Promise<WorkOrderSummary[]> {
  if (rows.length === 0) return [];
  const clocks = await db
    .selectFrom('sla_clocks')
    .select(['work_order_id', 'metric', 'due_at'])
    .where('work_order_id', 'in', rows.map((r) => r.id))
    .where('state', 'in', ['running', 'breached'])
    .where('due_at', 'is not', null)
    .orderBy('due_at')
    .execute();
  const next = new Map<string, WorkOrderSummary['nextDue']>();
  for (const c of clocks) if (!next.has(c.work_order_id)) next.set(c.work_order_id, { metric: c.metric, dueAt: c.due_at! });
  return rows.map(({ siteLat, siteLon, ...r }) => ({ ...r, site: { lat: siteLat, lon: siteLon }, nextDue: next.get(r.id) ?? null }));
}

export function createWorkOrderQueryHandlers({ db }: CoreDeps): HandlerMap<'workOrders.list'> {
  return {
    'workOrders.list': async ({ limit, cursor, status, priority, technicianId: requested, customerId, updatedSince }, { principal }) => {
      // A technician's list is always their own, whatever filter they send.
      const technicianId = principal?.role === 'technician' ? (principal.technicianId ?? '-') : requested;
      let query = summaryQuery(db).orderBy('wo.updated_at', 'desc').orderBy('wo.id', 'desc').limit(limit + 1);
      if (status?.length) query = query.where('wo.status', 'in', status);
      if (priority?.length) query = query.where('wo.priority', 'in', priority);
      if (technicianId) query = query.where('wo.technician_id', '=', technicianId);
      if (customerId) query = query.where('wo.customer_id', '=', customerId);
      if (updatedSince !== undefined) query = query.where('wo.updated_at', '>=', updatedSince);
      if (cursor) {
        const [updatedAt, id] = decodeCursor<[number, string]>(cursor, 2);
        query = query.where((eb) =>
          eb.or([eb('wo.updated_at', '<', updatedAt), eb.and([eb('wo.updated_at', '=', updatedAt), eb('wo.id', '<', id)])]),
        );
      }
      const rows = await query.execute();
      const items = await withNextDue(db, rows.slice(0, limit));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.updatedAt, last.id]) : null };
    },
  };
}
