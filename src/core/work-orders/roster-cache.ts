import type { Kysely } from 'kysely';
import type { Calendar, Weekday } from '../../shared/schemas/calendar.schema';
import type { AssignmentTechnician } from '../assignment';
import type { Database } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import { groupBy } from '../util/group-by';

/** What the roster needs of a technician that changes only when the centre's reference data is edited. */
export interface StaticTechnician {
  name: string;
  home: { lat: number; lon: number };
  capacityMinutes: number;
  skills: AssignmentTechnician['skills'];
  vehicle: AssignmentTechnician['vehicle'];
  /** The same object between loads, so the calculator's compiled form and per-day intervals are reused. */
  calendar: Calendar;
}

/** A safety net for edits made behind the bus's back (another process, a restore): the cache is never older. */
const TTL_MS = 5_000;

/**
 * Technicians' skills, vehicles, shift calendars, zones and capacity, loaded once and shared by every proposal:
 * reading and rebuilding them per request cost more than the rest of intake together. Cleared on
 * `reference.changed`, after TTL_MS, and whenever a technician appears that it does not know. Status, position,
 * time off and workload change all the time and are never cached (see `loadRoster`).
 */
export class RosterCache {
  private entry: { loadedAt: number; byId: Map<string, StaticTechnician> } | null = null;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  invalidate(): void {
    this.entry = null;
  }

  async get(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, StaticTechnician>> {
    const at = this.clock();
    const entry = this.entry;
    if (entry && at - entry.loadedAt < TTL_MS && ids.every((id) => entry.byId.has(id))) return entry.byId;
    const byId = await loadStaticTechnicians(db);
    this.entry = { loadedAt: at, byId };
    return byId;
  }
}

const caches = new WeakMap<EventBus, RosterCache>();

/** One cache per core (its bus), emptied whenever reference data is reported changed. */
export function rosterCacheFor(bus: EventBus): RosterCache {
  let cache = caches.get(bus);
  if (!cache) {
    const created = new RosterCache();
    bus.subscribe((name) => {
      if (name === 'reference.changed') created.invalidate();
    });
    caches.set(bus, created);
    cache = created;
  }
  return cache;
}

export async function loadStaticTechnicians(db: Kysely<Database>): Promise<Map<string, StaticTechnician>> {
  const [rows, skills, vehicles, shifts] = await Promise.all([
    db.selectFrom('technicians').select(['id', 'name', 'home_lat', 'home_lon', 'daily_capacity_minutes', 'vehicle_id', 'time_zone']).execute(),
    db.selectFrom('technician_skills').innerJoin('skills', 'skills.id', 'technician_skills.skill_id').select(['technician_id', 'skills.code', 'level', 'certified_until']).execute(),
    db.selectFrom('vehicles').select(['id', 'status', 'capabilities_json']).execute(),
    db.selectFrom('shifts').select(['technician_id', 'weekday', 'start_time', 'end_time']).execute(),
  ]);
  const skillsBy = groupBy(skills, (s) => s.technician_id);
  const shiftsBy = groupBy(shifts, (s) => s.technician_id);
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  const byId = new Map<string, StaticTechnician>();
  for (const t of rows) {
    const vehicle = t.vehicle_id ? vehicleById.get(t.vehicle_id) : undefined;
    const week: Partial<Record<Weekday, [string, string][]>> = {};
    for (const s of shiftsBy.get(t.id) ?? []) (week[s.weekday as Weekday] ??= []).push([s.start_time, s.end_time]);
    byId.set(t.id, {
      name: t.name,
      home: { lat: t.home_lat, lon: t.home_lon },
      capacityMinutes: t.daily_capacity_minutes,
      skills: (skillsBy.get(t.id) ?? []).map((s) => ({ skillCode: s.code, level: s.level, certifiedUntil: s.certified_until })),
      vehicle: vehicle ? { status: vehicle.status as 'in_service', capabilities: JSON.parse(vehicle.capabilities_json) as string[] } : null,
      calendar: shiftCalendar(t.time_zone, week),
    });
  }
  return byId;
}

const shiftCalendars = new Map<string, Calendar>();

/**
 * The same Calendar object for the same shift pattern, so the calculator's compiled form (cached per object) and
 * its per-day intervals are shared by technicians with one pattern and survive a reload of the cache.
 */
function shiftCalendar(timeZone: string, week: Calendar['week']): Calendar {
  const key = `${timeZone}|${JSON.stringify(week)}`;
  let calendar = shiftCalendars.get(key);
  if (!calendar) {
    if (shiftCalendars.size >= 10_000) shiftCalendars.clear();
    calendar = { timeZone, week };
    shiftCalendars.set(key, calendar);
  }
  return calendar;
}
