import type { Kysely } from 'kysely';
import type { MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { TelemetryEvent } from '../../shared/schemas/telemetry.schema';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { CallContext, CoreDeps, HandlerMap } from '../rpc/handlers';
import type { StatusActions } from './status-events';
import { applyStatusEvent } from './status-events';

type Result = MethodOutput<'telemetry.ingest'>['results'][number];
type Position = Extract<TelemetryEvent, { type: 'position' }>;
type Status = Extract<TelemetryEvent, { type: 'status' }>;
/** SQLite allows 32,766 bound parameters; chunks keep each statement well inside that. */
const CHUNK = 500;

const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

async function knownEventIds(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(ids)) {
    for (const row of await db.selectFrom('telemetry_events').select('event_id').where('event_id', 'in', part).execute()) known.add(row.event_id);
  }
  return known;
}

/**
 * Telemetry ingestion (issue #4): idempotent by event id, one result per event. GPS fixes of a batch are written in
 * one transaction (the newest fix per technician moves them; an older one is kept in the trail but reported stale);
 * status events move their orders one by one in event-time order through the same lifecycle as every other caller.
 */
export function createTelemetryHandlers(deps: CoreDeps, actions: StatusActions): HandlerMap<'telemetry.ingest'> {
  const { db, bus } = deps;

  async function ingestPositions(events: Position[], principal: Principal | null, now: number): Promise<Map<Position, Result>> {
    const results = new Map<Position, Result>();
    await inTransaction(db, bus, async (trx, emit) => {
      const ids = [...new Set(events.map((e) => e.technicianId))];
      const technicians = new Map((await trx.selectFrom('technicians').select(['id', 'last_position_at']).where('id', 'in', ids).execute()).map((t) => [t.id, t.last_position_at]));
      const newest = new Map<string, Position & { ms: number }>();
      const rows = [];
      for (const e of events) {
        if (!technicians.has(e.technicianId)) {
          results.set(e, { eventId: e.eventId, outcome: 'refused', status: 404, detail: `No technician with id "${e.technicianId}".` });
          continue;
        }
        const ms = Date.parse(e.at);
        rows.push({ event_id: e.eventId, type: 'position' as const, subject_id: e.technicianId, at: ms, received_at: now, sender_id: principal?.id ?? 'system', lat: e.lat, lon: e.lon, status: null });
        const known = Math.max(technicians.get(e.technicianId) ?? -Infinity, newest.get(e.technicianId)?.ms ?? -Infinity);
        if (ms >= known) newest.set(e.technicianId, { ...e, ms });
        results.set(e, { eventId: e.eventId, outcome: 'applied', status: 200, detail: null });
      }
      for (const part of chunks(rows)) await trx.insertInto('telemetry_events').values(part).onConflict((oc) => oc.column('event_id').doNothing()).execute();
      for (const e of events) {
        const best = newest.get(e.technicianId);
        if (results.get(e)?.outcome === 'applied' && best && best.eventId !== e.eventId && Date.parse(e.at) < best.ms) {
          results.set(e, { eventId: e.eventId, outcome: 'stale', status: 200, detail: 'Kept in the trail; a newer position is already known.' });
        }
      }
      for (const p of newest.values()) {
        await trx.updateTable('technicians').set({ last_lat: p.lat, last_lon: p.lon, last_position_at: p.ms }).where('id', '=', p.technicianId).execute();
        emit('technician.moved', { technicianId: p.technicianId, lat: p.lat, lon: p.lon, at: p.ms });
      }
    });
    return results;
  }

  return {
    'telemetry.ingest': async ({ events }, ctx: CallContext) => {
      const { principal, now } = ctx;
      if (principal?.role === 'technician') {
        const foreign = events.find((e) => e.type === 'position' && e.technicianId !== principal.technicianId);
        if (foreign) throw new AppError('forbidden', 'A technician may only report their own position.');
      }
      const future = events.find((e) => Date.parse(e.at) > now + 5 * 60_000);
      const results = new Map<TelemetryEvent, Result>();
      const seen = new Set<string>();
      const known = await knownEventIds(db, [...new Set(events.map((e) => e.eventId))]);
      const fresh: TelemetryEvent[] = [];
      for (const e of events) {
        if (known.has(e.eventId) || seen.has(e.eventId)) results.set(e, { eventId: e.eventId, outcome: 'duplicate', status: 200, detail: 'Already received; nothing changed.' });
        else if (e === future || Date.parse(e.at) > now + 5 * 60_000) results.set(e, { eventId: e.eventId, outcome: 'refused', status: 400, detail: 'The event time lies in the future.' });
        else fresh.push(e);
        seen.add(e.eventId);
      }
      const positions = fresh.filter((e): e is Position => e.type === 'position');
      if (positions.length) for (const [e, r] of await ingestPositions(positions, principal, now)) results.set(e, r);
      // Event time order, so a batch uploaded after a dead zone replays the day as it happened.
      const statuses = fresh.filter((e): e is Status => e.type === 'status').sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      for (const e of statuses) results.set(e, await applyStatusEvent(deps, actions, e, ctx));
      const ordered = events.map((e) => results.get(e)!);
      return {
        results: ordered,
        applied: ordered.filter((r) => r.outcome === 'applied' || r.outcome === 'stale').length,
        duplicates: ordered.filter((r) => r.outcome === 'duplicate').length,
        refused: ordered.filter((r) => r.outcome === 'refused').length,
      };
    },
  };
}
