import type { Kysely } from 'kysely';
import type { MethodOutput } from '../../shared/contract';
import type { Priority } from '../../shared/schemas/common';
import { assignmentConfig } from '../assignment';
import { greatCircleKm, travelMinutes } from '../assignment/geo';
import type { Database } from '../db/schema';
import { addBusinessSeconds } from '../sla';
import { deriveClock } from '../sla-clocks';
import { loadOrderClocks } from '../sla-clocks/clock-store';
import type { PolicyCalendars } from '../work-orders/policy-calendars';

type Item = MethodOutput<'sla.atRisk'>['items'][number];
const LIVE = ['running', 'breached'] as const;

/**
 * DOMAIN.md "At risk": a running clock whose predicted stop (now + travel ETA + remaining estimated work, in business
 * time) is after its due instant, or whose percent elapsed passed the first warning threshold. Percent elapsed is
 * computed now, from the order's history, never taken from a stored figure.
 */
export async function atRisk(db: Kysely<Database>, calendars: PolicyCalendars, now: number, limit: number): Promise<Item[]> {
  const orders = await db
    .selectFrom('work_orders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .innerJoin('sites as s', 's.id', 'wo.site_id')
    .leftJoin('technicians as t', 't.id', 'wo.technician_id')
    .select(['wo.id', 'wo.number', 'wo.priority', 'wo.status', 'wo.technician_id', 'wo.estimated_minutes', 'c.name as customer', 's.lat', 's.lon', 't.last_lat', 't.last_lon', 't.home_lat', 't.home_lon'])
    .where((eb) => eb.exists(eb.selectFrom('sla_clocks as k').select('k.id').whereRef('k.work_order_id', '=', 'wo.id').where('k.state', 'in', LIVE)))
    .execute();
  const config = assignmentConfig(now);
  const items: Item[] = [];
  for (const o of orders) {
    const loaded = await loadOrderClocks(db, o.id, calendars);
    if (!loaded) continue;
    const position = o.last_lat !== null && o.last_lon !== null ? { lat: o.last_lat, lon: o.last_lon } : o.home_lat !== null && o.home_lon !== null ? { lat: o.home_lat, lon: o.home_lon } : null;
    const site = { lat: o.lat, lon: o.lon };
    // The same travel estimate the assignment engine ranks with; no known position means no drive to count.
    const etaMinutes = o.status === 'on_site' || !position ? 0 : travelMinutes(position, site, greatCircleKm(position, site), config);
    for (const { def } of loaded.clocks) {
      const clock = deriveClock(def, loaded.events, now);
      if (clock.state !== 'running' && clock.state !== 'breached') continue;
      // Response stops at acceptance (now at best); arrival after the drive; resolution after the drive and the work.
      const minutes = def.metric === 'response' ? 0 : def.metric === 'arrival' ? etaMinutes : etaMinutes + o.estimated_minutes;
      const predictedStopAt = addBusinessSeconds(def.calendar, new Date(now), Math.round(minutes * 60)).getTime();
      const firstThreshold = Math.min(...def.thresholds);
      const reasons = [
        ...(predictedStopAt > clock.dueAt ? [`predicted ${def.metric} ${Math.ceil((predictedStopAt - clock.dueAt) / 60_000)} min after its due time`] : []),
        ...(clock.percentElapsed >= firstThreshold ? [`${clock.percentElapsed.toFixed(0)} % of the ${def.metric} target elapsed (warning at ${firstThreshold} %)`] : []),
      ];
      if (reasons.length === 0) continue;
      items.push({
        orderId: o.id,
        number: o.number,
        priority: o.priority as Priority,
        customerName: o.customer,
        technicianId: o.technician_id,
        metric: def.metric,
        state: clock.state,
        dueAt: clock.dueAt,
        percentElapsed: clock.percentElapsed,
        predictedStopAt,
        reasons,
      });
    }
  }
  return items.sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
}
