import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hourIndex, seriesGroup, SeriesTable, type HourlySeries, type SeriesGroupBy } from './hourly-series';

/** Orders received per hour (the request's own received instant, when the customer called). */
export async function arrivalsPerHour(db: Kysely<Database>, bounds: readonly number[], groupBy?: SeriesGroupBy): Promise<HourlySeries[]> {
  const [from, to, n] = [bounds[0]!, bounds.at(-1)!, bounds.length - 1];
  const { key, label, joins } = seriesGroup(groupBy);
  const { rows } = await sql<{ key: string; label: string; i: number; orders: number }>`
    SELECT ${key} AS key, ${label} AS label, ${hourIndex('wo.received_at', from)} AS i, count(*) AS orders
    FROM work_orders wo ${joins}
    WHERE wo.received_at >= ${from} AND wo.received_at < ${to}
    GROUP BY key, i`.execute(db);
  const table = new SeriesTable(n, 0, !groupBy);
  for (const row of rows) table.line(row.key, row.label)[row.i] = Number(row.orders);
  return table.list();
}

/**
 * Open unassigned orders (status `new`) at the end of each hour, from the order history: each status event that
 * enters `new` adds one, each that leaves it removes one. Walking back from the current count over the events
 * after each hour's end reads only the events of the range, however long the history.
 */
export async function queueLength(db: Kysely<Database>, bounds: readonly number[], groupBy?: SeriesGroupBy): Promise<HourlySeries[]> {
  const n = bounds.length - 1;
  const firstEnd = bounds[1]!;
  const { key, label, joins } = seriesGroup(groupBy);
  const current = await sql<{ key: string; label: string; orders: number }>`
    SELECT ${key} AS key, ${label} AS label, count(*) AS orders FROM work_orders wo ${joins}
    WHERE wo.status = 'new' GROUP BY key`.execute(db);
  // Hour j gathers the changes in (end_j, end_{j+1}]; the last one everything after the last end.
  const changes = await sql<{ key: string; label: string; j: number; change: number }>`
    SELECT ${key} AS key, ${label} AS label, min(${hourIndex('e.at - 1', firstEnd)}, ${n - 1}) AS j,
      sum(CASE WHEN e.to_status = 'new' AND e.from_status IS NOT 'new' THEN 1
               WHEN e.from_status = 'new' AND e.to_status <> 'new' THEN -1 ELSE 0 END) AS change
    FROM work_order_events e JOIN work_orders wo ON wo.id = e.work_order_id ${joins}
    WHERE e.at > ${firstEnd} AND e.to_status IS NOT NULL
    GROUP BY key, j`.execute(db);
  const later = new Map<string, { label: string; change: number[] }>();
  const lineOf = (k: string, l: string) => {
    let entry = later.get(k);
    if (!entry) later.set(k, (entry = { label: l, change: new Array<number>(n).fill(0) }));
    return entry;
  };
  for (const row of current.rows) lineOf(row.key, row.label);
  for (const row of changes.rows) lineOf(row.key, row.label).change[row.j]! += Number(row.change);
  const table = new SeriesTable(n, 0, !groupBy);
  for (const [k, { label: l, change }] of later) {
    const values = table.line(k, l);
    let queue = Number(current.rows.find((r) => r.key === k)?.orders ?? 0);
    for (let j = n - 1; j >= 0; j--) {
      queue -= change[j]!;
      values[j] = queue;
    }
  }
  return table.list();
}

/**
 * Mean minutes from an order's latest dispatch to the technician's acceptance, over the acceptances in each hour
 * (null for an hour without any). A telemetry acceptance timed before its dispatch counts as 0.
 */
export async function meanTimeToAccept(db: Kysely<Database>, bounds: readonly number[], groupBy?: SeriesGroupBy): Promise<HourlySeries[]> {
  const [from, to, n] = [bounds[0]!, bounds.at(-1)!, bounds.length - 1];
  const { key, label, joins } = seriesGroup(groupBy);
  const { rows } = await sql<{ key: string; label: string; i: number; ms: number | null }>`
    SELECT ${key} AS key, ${label} AS label, ${hourIndex('e.at', from)} AS i,
      avg(max(0, e.at - (SELECT d.at FROM work_order_events d
        WHERE d.work_order_id = e.work_order_id AND d.to_status = 'dispatched' AND d.seq < e.seq ORDER BY d.seq DESC LIMIT 1))) AS ms
    FROM work_order_events e JOIN work_orders wo ON wo.id = e.work_order_id ${joins}
    WHERE e.from_status = 'dispatched' AND e.to_status = 'accepted' AND e.at >= ${from} AND e.at < ${to}
    GROUP BY key, i`.execute(db);
  const table = new SeriesTable(n, null, !groupBy);
  for (const row of rows) // Minutes to a tenth.
    table.line(row.key, row.label)[row.i] = row.ms == null ? null : Math.round(row.ms / 6000) / 10;
  return table.list();
}
