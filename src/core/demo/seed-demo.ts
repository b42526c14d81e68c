import type { Insertable, Kysely, Transaction } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Database, UserRole } from '../db/schema';
import { buildCalendars, buildCategories, skillId } from './demo-catalog';
import { buildCustomers, FLAGSHIP } from './demo-customers';
import { REGIONS, SKILLS } from './demo-data';
import { regionId } from './demo-geo';
import { buildPolicies } from './demo-policies';
import { buildWorkforce } from './demo-workforce';
import { Prng } from './prng';
import { demoRegionBoundaries } from './region-boundaries';

export interface DemoSummary {
  /** False when the database already had technicians and nothing was written. */
  seeded: boolean;
  regions: number;
  technicians: number;
  customers: number;
  sites: number;
  categories: number;
  policies: number;
  calendars: number;
  users: number;
}

/** Sign-in accounts of the demo; the passwords are public on purpose (README, login page hint). */
const DEMO_USERS: readonly { username: string; password: string; displayName: string; role: UserRole }[] = [
  { username: 'admin', password: 'demo-admin', displayName: 'Demo Admin', role: 'admin' },
  { username: 'dispatcher', password: 'demo-dispatcher', displayName: 'Demo Dispatcher', role: 'dispatcher' },
  { username: 'manager', password: 'demo-manager', displayName: 'Demo Manager', role: 'manager' },
  { username: 'tech', password: 'demo-tech', displayName: '', role: 'technician' },
];
const DEMO_TECHNICIAN = 'tech_0001';

// Well under SQLite's limit of 32766 bound parameters per statement for the widest demo table.
const CHUNK = 500;

async function insertAll<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot resolve InsertObject for a generic table; callers are checked against Insertable<T> above.
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

async function insertDemo(trx: Transaction<Database>, seed: number, now: number): Promise<void> {
  const rng = new Prng(seed);
  const workforce = buildWorkforce(rng, now);
  const base = buildCustomers(rng, now, workforce.technicians.map((t) => t.id));
  const { categories, categorySkills } = buildCategories(now);
  const { calendars, holidays } = buildCalendars(now);
  const { protocols, policies, targets } = buildPolicies(now, { customerId: FLAGSHIP.id, customerName: FLAGSHIP.name });

  // Parents before children, so every foreign key holds at each insert.
  const boundaries = demoRegionBoundaries();
  const regions = REGIONS.map((r) => ({
    id: regionId(r.code),
    code: r.code,
    name: r.name,
    center_lat: r.lat,
    center_lon: r.lon,
    boundary_geojson: boundaries.has(r.code) ? JSON.stringify(boundaries.get(r.code)) : null,
  }));
  await insertAll(trx, 'regions', regions);
  await insertAll(trx, 'skills', SKILLS.map((s) => ({ id: skillId(s.code), code: s.code, name: s.name })));
  await insertAll(trx, 'vehicles', workforce.vehicles);
  await insertAll(trx, 'technicians', workforce.technicians);
  await insertAll(trx, 'technician_skills', workforce.technicianSkills);
  await insertAll(trx, 'shifts', workforce.shifts);
  await insertAll(trx, 'time_off', workforce.timeOff);
  await insertAll(trx, 'customers', base.customers);
  await insertAll(trx, 'sites', base.sites);
  await insertAll(trx, 'contacts', base.contacts);
  await insertAll(trx, 'categories', categories);
  await insertAll(trx, 'category_skills', categorySkills);
  await insertAll(trx, 'calendars', calendars);
  await insertAll(trx, 'calendar_holidays', holidays);
  await insertAll(trx, 'escalation_protocols', protocols);
  await insertAll(trx, 'sla_policies', policies);
  await insertAll(trx, 'sla_targets', targets);

  // An account someone already made (e.g. a first-run admin) keeps its password.
  const taken = new Set((await trx.selectFrom('users').select('username').execute()).map((r) => r.username));
  const technicianName = workforce.technicians.find((t) => t.id === DEMO_TECHNICIAN)!.name;
  await insertAll(
    trx,
    'users',
    DEMO_USERS.filter((u) => !taken.has(u.username)).map((u) => ({
      id: `usr_${u.username}`,
      username: u.username,
      display_name: u.role === 'technician' ? technicianName : u.displayName,
      role: u.role,
      password_hash: hashPassword(u.password),
      technician_id: u.role === 'technician' ? DEMO_TECHNICIAN : null,
      active: 1,
      created_at: now,
      updated_at: now,
    })),
  );
}

/**
 * A demo store seeded before regions had boundaries gets them on its next start, region by region, and only where
 * the region is still the demo's own (same id, code and centre, no boundary yet): an edited region is left alone.
 */
async function backfillBoundaries(trx: Transaction<Database>): Promise<void> {
  const boundaries = demoRegionBoundaries();
  for (const r of REGIONS.filter((region) => boundaries.has(region.code))) {
    await trx
      .updateTable('regions')
      .set({ boundary_geojson: JSON.stringify(boundaries.get(r.code)) })
      .where('id', '=', regionId(r.code))
      .where('code', '=', r.code)
      .where('center_lat', '=', r.lat)
      .where('center_lon', '=', r.lon)
      .where('boundary_geojson', 'is', null)
      .execute();
  }
}

async function count(trx: Transaction<Database>, table: keyof Database & string): Promise<number> {
  const row = await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Fills an empty store with a synthetic dispatch centre for the fictional city of Rivermouth, in one transaction.
 * The same seed and `now` give the same rows, ids included (password hashes excepted: they are salted). A store
 * that already has technicians is left alone, so starting the demo twice is harmless.
 */
export async function seedDemo(db: Kysely<Database>, opts: { seed: number; now: number }): Promise<DemoSummary> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('technicians').select('id').limit(1).executeTakeFirst();
    if (!existing) await insertDemo(trx, opts.seed, opts.now);
    else await backfillBoundaries(trx);
    return {
      seeded: !existing,
      regions: await count(trx, 'regions'),
      technicians: await count(trx, 'technicians'),
      customers: await count(trx, 'customers'),
      sites: await count(trx, 'sites'),
      categories: await count(trx, 'categories'),
      policies: await count(trx, 'sla_policies'),
      calendars: await count(trx, 'calendars'),
      users: await count(trx, 'users'),
    };
  });
}
