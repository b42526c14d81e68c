import { sql, type Kysely } from 'kysely';
import { EscalationLevels, type EscalationLevel } from '../../shared/schemas/escalation.schema';
import type { ClockState, Database } from '../db/schema';
import type { Logger } from '../logger';
import type { EscalationState } from './escalation-plan';

/** Reads what escalation needs from the store: protocols by policy, what fired per clock, live clock rows. */

export const ESCALATION_KIND = 'sla_escalation';
/** SQLite binds at most 32,766 parameters; lists are read in slices well below that. */
const SLICE = 500;

export interface Protocol {
  id: string;
  name: string;
  levels: EscalationLevel[];
}

/** Each policy's escalation protocol (policies without one are absent). A stored protocol that fails the schema is logged and skipped. */
export async function protocolsByPolicy(db: Kysely<Database>, policyIds: readonly string[], logger: Logger): Promise<Map<string, Protocol>> {
  const byPolicy = new Map<string, Protocol>();
  if (policyIds.length === 0) return byPolicy;
  const rows = await db
    .selectFrom('sla_policies as p')
    .innerJoin('escalation_protocols as e', 'e.id', 'p.escalation_protocol_id')
    .select(['p.id as policyId', 'e.id', 'e.name', 'e.levels_json'])
    .where('p.id', 'in', [...new Set(policyIds)])
    .execute();
  for (const row of rows) {
    const levels = EscalationLevels.safeParse(JSON.parse(row.levels_json));
    if (levels.success) byPolicy.set(row.policyId, { id: row.id, name: row.name, levels: levels.data });
    else logger.error('escalation protocol does not match its schema; not escalating with it', { protocolId: row.id, issues: levels.error.issues.length });
  }
  return byPolicy;
}

/** Per clock: the levels raised so far and whether anyone acknowledged. Clocks without alerts are absent. */
export async function escalationStates(db: Kysely<Database>, clockIds: readonly string[]): Promise<Map<string, EscalationState>> {
  const states = new Map<string, { fired: EscalationState['fired'][number][]; acknowledged: boolean }>();
  for (let i = 0; i < clockIds.length; i += SLICE) {
    const rows = await db
      .selectFrom('alerts')
      .select(['clock_id', 'escalation_level', 'raised_at', 'acknowledged_at', sql<number | null>`json_extract(data_json, '$.lastNotifiedAt')`.as('last_notified_at')])
      .where('kind', '=', ESCALATION_KIND)
      .where('clock_id', 'in', clockIds.slice(i, i + SLICE))
      .execute();
    for (const row of rows) {
      const state = states.get(row.clock_id!) ?? { fired: [], acknowledged: false };
      state.fired.push({ level: row.escalation_level, raisedAt: row.raised_at, lastNotifiedAt: row.last_notified_at ?? row.raised_at });
      state.acknowledged ||= row.acknowledged_at !== null;
      states.set(row.clock_id!, state);
    }
  }
  return states;
}

export interface LiveClockRow {
  id: string;
  orderId: string;
  policyId: string;
  calendarId: string;
  state: ClockState;
  elapsedSeconds: number;
  updatedAt: number;
  /** The target the clock measures (a maintenance window's span for a scheduled order), from its `started` entry. */
  targetSeconds: number;
  zoneMode: 'calendar' | 'site';
  siteZone: string | null;
}

const LIVE_STATES: readonly ClockState[] = ['running', 'breached', 'paused'];

/** Running, breached and paused clocks under a policy with a protocol; of the given orders, or all of them. */
export async function liveEscalatingClocks(db: Kysely<Database>, orderIds: readonly string[] | null): Promise<LiveClockRow[]> {
  const query = (ids: readonly string[] | null) => {
    let q = db
      .selectFrom('sla_clocks as c')
      .innerJoin('sla_policies as p', 'p.id', 'c.policy_id')
      .innerJoin('work_orders as wo', 'wo.id', 'c.work_order_id')
      .innerJoin('sites as s', 's.id', 'wo.site_id')
      .select([
        'c.id', 'c.work_order_id as orderId', 'c.policy_id as policyId', 'c.calendar_id as calendarId', 'c.state',
        'c.elapsed_seconds as elapsedSeconds', 'c.updated_at as updatedAt', 'p.zone_mode as zoneMode', 's.time_zone as siteZone',
        sql<number>`coalesce((SELECT json_extract(t.data_json, '$.targetSeconds') FROM sla_clock_timeline t WHERE t.clock_id = c.id AND t.event = 'started' LIMIT 1), c.target_seconds)`.as('targetSeconds'),
      ])
      .where('p.escalation_protocol_id', 'is not', null);
    // All live clocks are found through the state index; those of given orders through the order index, their state
    // checked here. With both conditions in SQL, SQLite's planner (without statistics) chose the state index and
    // scanned every live clock of the centre once per slice: 50 ms per 100 orders after 15,000 intakes.
    q = ids ? q.where('c.work_order_id', 'in', ids) : q.where('c.state', 'in', LIVE_STATES);
    return q.execute();
  };
  if (!orderIds) return query(null);
  const rows: LiveClockRow[] = [];
  for (let i = 0; i < orderIds.length; i += SLICE) {
    for (const row of await query(orderIds.slice(i, i + SLICE))) if (LIVE_STATES.includes(row.state)) rows.push(row);
  }
  return rows;
}
