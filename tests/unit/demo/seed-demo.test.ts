import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/core/auth/passwords';
import { openDatabase, type AppDatabase } from '../../../src/core/db/open-database';
import { seedDemo } from '../../../src/core/demo/seed-demo';

const NOW = Date.UTC(2026, 2, 10, 10, 0); // Tuesday 10 March 2026, 11:00 in Rivermouth
const opened: AppDatabase[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

async function seeded(seed: number, register: AppDatabase[] = opened) {
  const store = openDatabase({ file: ':memory:' });
  register.push(store);
  const summary = await seedDemo(store.db, { seed, now: NOW });
  return { ...store, summary };
}

/** Every row of every table, in insertion order (key order for tables without rowid); password hashes are salted, so they are left out. */
function dump(sqlite: BetterSqlite3.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence')`)
    .pluck()
    .all() as string[];
  const withoutRowid = (t: string) => /WITHOUT ROWID/i.test(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(t) as string);
  const rows = (t: string) => sqlite.prepare(`SELECT * FROM ${t} ORDER BY ${withoutRowid(t) ? '1' : 'rowid'}`).all() as object[];
  return Object.fromEntries(tables.map((t) => [t, rows(t).map((r) => ({ ...r, password_hash: undefined }))]));
}

const all = <T>(sqlite: BetterSqlite3.Database, sql: string) => sqlite.prepare(sql).all() as T[];
const value = (sqlite: BetterSqlite3.Database, sql: string) => sqlite.prepare(sql).pluck().get();

describe('seedDemo', () => {
  it('does nothing on a store that already has technicians', async () => {
    const first = await seeded(42);
    const before = dump(first.sqlite);
    const again = await seedDemo(first.db, { seed: 7, now: NOW + 1000 });
    expect(again).toEqual({ ...first.summary, seeded: false });
    expect(dump(first.sqlite)).toEqual(before);
  });

  it('is deterministic: the same seed gives identical rows, ids included', async () => {
    const a = await seeded(42);
    const b = await seeded(42);
    expect(dump(b.sqlite)).toEqual(dump(a.sqlite));
    expect(value(a.sqlite, `SELECT id FROM technicians ORDER BY id LIMIT 1`)).toBe('tech_0001');
  });

  it('differs for a different seed', async () => {
    const a = await seeded(42);
    const b = await seeded(43);
    const names = (s: BetterSqlite3.Database) => s.prepare('SELECT name FROM technicians ORDER BY id').pluck().all();
    expect(names(b.sqlite)).not.toEqual(names(a.sqlite));
    expect(dump(b.sqlite)).not.toEqual(dump(a.sqlite));
  });
});

describe('the demo centre of seed 42', () => {
  let centre: Awaited<ReturnType<typeof seeded>>;
  const shared: AppDatabase[] = [];
  // One seeding for the read-only checks below: hashing the demo passwords dominates the run time.
  beforeAll(async () => {
    centre = await seeded(42, shared);
  });
  afterAll(() => shared.forEach((d) => d.close()));

  it('creates a centre of the expected size', () => {
    const { summary, sqlite } = centre;
    expect(summary).toMatchObject({ seeded: true, regions: 6, categories: 8, policies: 5, calendars: 2, users: 4 });
    expect(summary.technicians).toBeGreaterThanOrEqual(45);
    expect(summary.technicians).toBeLessThanOrEqual(55);
    expect(summary.customers).toBeGreaterThanOrEqual(190);
    expect(summary.customers).toBeLessThanOrEqual(210);
    expect(summary.sites).toBeGreaterThanOrEqual(summary.customers);
    expect(summary.sites).toBeLessThanOrEqual(summary.customers * 3);
    expect(value(sqlite, 'SELECT count(*) FROM skills')).toBe(14);
    expect(value(sqlite, 'SELECT count(*) FROM work_orders')).toBe(0);
  });

  it('gives every technician a skill, a shift and a vehicle, with 2 or 3 vans in maintenance', () => {
    const { sqlite } = centre;
    const without = (table: string) =>
      value(sqlite, `SELECT count(*) FROM technicians t WHERE NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.technician_id = t.id)`);
    expect(without('technician_skills')).toBe(0);
    expect(without('shifts')).toBe(0);
    expect(value(sqlite, `SELECT count(*) FROM technicians WHERE vehicle_id IS NULL`)).toBe(0);
    expect(value(sqlite, `SELECT count(*) FROM vehicles WHERE status = 'maintenance'`)).toBeOneOf([2, 3]);
    expect(value(sqlite, `SELECT count(*) FROM vehicles WHERE status = 'out_of_service'`)).toBe(0);
    expect(value(sqlite, `SELECT count(DISTINCT team) FROM technicians`)).toBe(8);
    expect(value(sqlite, `SELECT count(*) FROM shifts WHERE end_time <= start_time`)).toBeGreaterThan(0); // night crew
    expect(value(sqlite, `SELECT count(*) FROM time_off WHERE starts_at <= ${NOW} AND ends_at > ${NOW}`)).toBe(2);
    expect(value(sqlite, `SELECT count(*) FROM technicians WHERE status = 'unavailable'`)).toBe(2);
    expect(value(sqlite, `SELECT count(*) FROM technician_skills WHERE certified_until < ${NOW}`)).toBeGreaterThan(0);
  });

  it('has at least two technicians able to take each category', () => {
    const { sqlite } = centre;
    const rows = all<{ code: string; eligible: number }>(sqlite, `
      SELECT c.code, (
        SELECT count(*) FROM technicians t WHERE NOT EXISTS (
          SELECT 1 FROM category_skills cs WHERE cs.category_id = c.id AND NOT EXISTS (
            SELECT 1 FROM technician_skills ts WHERE ts.technician_id = t.id AND ts.skill_id = cs.skill_id
              AND ts.level >= cs.min_level AND (ts.certified_until IS NULL OR ts.certified_until > ${NOW})))
      ) AS eligible FROM categories c ORDER BY c.code`);
    expect(rows.map((r) => r.code)).toEqual([
      'ELEC-OUTAGE', 'ELEVATOR-STUCK', 'FIRE-ALARM', 'FRIDGE-TEMP', 'HVAC-FAIL', 'LEAK', 'NETWORK-DOWN', 'PREVENTIVE',
    ]);
    for (const r of rows) expect(r.eligible, r.code).toBeGreaterThanOrEqual(2);
    const unknownSkills = `SELECT count(*) FROM category_skills cs LEFT JOIN skills s ON s.id = cs.skill_id WHERE s.id IS NULL`;
    expect(value(sqlite, unknownSkills)).toBe(0);
  });

  it('keeps every place within 15 km of Rivermouth', () => {
    const { sqlite } = centre;
    const points = all<{ lat: number; lon: number }>(
      sqlite,
      `SELECT lat, lon FROM sites UNION ALL SELECT home_lat, home_lon FROM technicians`,
    );
    for (const p of points) {
      const dLat = (p.lat - 52.37) * 111.32;
      const dLon = (p.lon - 4.89) * 111.32 * Math.cos((52.37 * Math.PI) / 180);
      expect(Math.hypot(dLat, dLon)).toBeLessThan(15.1);
    }
  });

  it('ships the Dutch holidays of the year of now and the next on the business calendar', () => {
    const { sqlite } = centre;
    const dates = sqlite.prepare(`SELECT date FROM calendar_holidays WHERE calendar_id = 'cal_business' ORDER BY date`).pluck().all();
    expect(dates).toContain('2026-04-27');
    expect(dates).toContain('2026-12-25');
    expect(dates).toContain('2026-04-06'); // Easter Monday
    expect(dates).toContain('2027-04-27');
    expect(dates).toHaveLength(20);
    expect(JSON.parse(value(sqlite, `SELECT week_json FROM calendars WHERE name = 'Business hours'`) as string)).toEqual({
      mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']],
      fri: [['08:00', '18:00']], sat: [['09:00', '13:00']],
    });
    expect(value(sqlite, `SELECT count(*) FROM calendar_holidays WHERE calendar_id = 'cal_24x7'`)).toBe(0);
  });

  it('writes SLA policies whose references hold, with the GOLD customer policy ranked first', () => {
    const { sqlite } = centre;
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const policies = all<{ id: string; rank: number; priority: string | null; calendar_id: string; customer_id: string | null }>(
      sqlite, `SELECT id, rank, priority, calendar_id, customer_id FROM sla_policies ORDER BY id`);
    expect(policies).toEqual([
      { id: 'sla_gold', rank: 100, priority: null, calendar_id: 'cal_24x7', customer_id: 'cus_0001' },
      { id: 'sla_p1', rank: 10, priority: 'P1', calendar_id: 'cal_24x7', customer_id: null },
      { id: 'sla_p2', rank: 10, priority: 'P2', calendar_id: 'cal_24x7', customer_id: null },
      { id: 'sla_p3', rank: 10, priority: 'P3', calendar_id: 'cal_business', customer_id: null },
      { id: 'sla_p4', rank: 10, priority: 'P4', calendar_id: 'cal_business', customer_id: null },
    ]);
    expect(value(sqlite, `SELECT contract_code FROM customers WHERE id = 'cus_0001'`)).toBe('GOLD');
    expect(all(sqlite, `SELECT metric, target_seconds FROM sla_targets WHERE policy_id = 'sla_p3' ORDER BY target_seconds`)).toEqual([
      { metric: 'response', target_seconds: 14_400 },
      { metric: 'arrival', target_seconds: 36_000 },
      { metric: 'resolution', target_seconds: 108_000 },
    ]);
    expect(value(sqlite, `SELECT count(*) FROM sla_policies WHERE escalation_protocol_id = 'esc_standard'`)).toBe(5);
    expect(JSON.parse(value(sqlite, `SELECT levels_json FROM escalation_protocols`) as string)).toHaveLength(3);
  });

  it('creates the demo accounts with working passwords', () => {
    const { sqlite } = centre;
    const users = all<{ username: string; role: string; password_hash: string; technician_id: string | null }>(
      sqlite, `SELECT username, role, password_hash, technician_id FROM users ORDER BY username`);
    expect(users.map((u) => [u.username, u.role, u.technician_id])).toEqual([
      ['admin', 'admin', null], ['dispatcher', 'dispatcher', null], ['manager', 'manager', null],
      ['tech', 'technician', 'tech_0001'],
    ]);
    for (const u of users) expect(verifyPassword(`demo-${u.username}`, u.password_hash), u.username).toBe(true);
    expect(verifyPassword('wrong', users[0]!.password_hash)).toBe(false);
  });
});
