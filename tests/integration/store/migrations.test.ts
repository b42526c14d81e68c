import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrateTo } from '../../../src/core/db/migrate';
import { MIGRATIONS } from '../../../src/core/db/migrations';
import { insertBasics, tableNames, useStoreDir } from './store-fixture';

const store = useStoreDir();

const REFERENCE_TABLES = [
  'api_keys', 'audit_log', 'calendar_holidays', 'calendar_overrides', 'calendars', 'categories', 'category_skills',
  'contacts', 'customers', 'escalation_protocols', 'regions', 'schema_migrations', 'sessions', 'settings', 'shifts',
  'sites', 'skills', 'sla_policies', 'sla_targets', 'technician_skills', 'technicians', 'time_off', 'users',
  'vehicles',
];
const OPERATIONS_TABLES = [
  'alert_deliveries', 'alerts', 'corrective_actions', 'service_requests', 'sla_clock_timeline', 'sla_clocks',
  'work_order_counters', 'work_order_events', 'work_orders',
];
/** Tables added after 0002 (0003 only adds a column). */
const LATER_TABLES = ['telemetry_events', 'alert_channels', 'rpc_idempotency'];
const ALL_NAMES = ['0001_reference', '0002_operations', '0003_sla_clock_schedule', '0004_telemetry', '0005_alert_channels', '0007_corrective_action_facts', '0008_technician_active', '0009_region_boundaries', '0010_clock_definition', '0011_rpc_idempotency'];

/** table → its columns (name and declared type), to compare schemas before and after a migration. */
function shape(sqlite: BetterSqlite3.Database): Map<string, Map<string, string>> {
  const tables = new Map<string, Map<string, string>>();
  for (const table of tableNames(sqlite)) {
    const columns = sqlite.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[];
    tables.set(table, new Map(columns.map((c) => [c.name, c.type])));
  }
  return tables;
}

describe('migration registry', () => {
  it('lists zero-padded names in application order', () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual(ALL_NAMES);
  });
});

describe('migrating an old database forward', () => {
  it('0001_reference creates exactly the reference tables', () => {
    const sqlite = store.raw();
    expect(migrateTo(sqlite, '0001_reference', () => 1000)).toEqual(['0001_reference']);
    expect(tableNames(sqlite)).toEqual(REFERENCE_TABLES);
  });

  it('keeps the rows of a 0001 database and adds every later table', async () => {
    const raw = store.raw();
    migrateTo(raw, '0001_reference', () => 1000);
    insertBasics(raw);
    raw.close();

    const { db, sqlite } = store.open();
    expect(tableNames(sqlite)).toEqual([...REFERENCE_TABLES, ...OPERATIONS_TABLES, ...LATER_TABLES].sort());
    expect(await db.selectFrom('customers').select(['id', 'name', 'contract_code']).execute()).toEqual([
      { id: 'cus_1', name: 'Harbour Foods', contract_code: 'GOLD' },
    ]);
    expect(await db.selectFrom('sites').select(['id', 'customer_id', 'lat']).execute()).toEqual([
      { id: 'site_1', customer_id: 'cus_1', lat: 52.37 },
    ]);
    expect(await db.selectFrom('technicians').select(['id', 'name', 'status']).execute()).toEqual([
      { id: 'tech_1', name: 'Anna de Vries', status: 'available' },
    ]);
    expect(await db.selectFrom('users').select(['username', 'technician_id']).execute()).toEqual([
      { username: 'anna', technician_id: 'tech_1' },
    ]);
    const ledger = await db.selectFrom('schema_migrations').selectAll().orderBy('name').execute();
    expect(ledger.map((row) => row.name)).toEqual(ALL_NAMES);
    expect(ledger[0]!.applied_at).toBe(1000);
    expect(ledger.map((row) => row.hash)).toEqual(
      MIGRATIONS.map((m) => createHash('sha256').update(m.sql).digest('hex')),
    );
  });

  it('migrations only add: every table and column before a migration still exists after it', () => {
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const sqlite = store.raw(`only-add-${i}.db`);
      migrate(sqlite, MIGRATIONS.slice(0, i));
      const before = shape(sqlite);
      migrate(sqlite, MIGRATIONS.slice(0, i + 1));
      const after = shape(sqlite);
      for (const [table, columns] of before) {
        expect(after.has(table), `${MIGRATIONS[i]!.name} dropped table ${table}`).toBe(true);
        for (const [column, type] of columns) {
          expect(after.get(table)!.get(column), `${MIGRATIONS[i]!.name} changed ${table}.${column}`).toBe(type);
        }
      }
      const columns = (tables: typeof after) => [...tables.values()].reduce((n, c) => n + c.size, 0);
      expect(columns(after), `${MIGRATIONS[i]!.name} adds nothing`).toBeGreaterThan(columns(before));
    }
  });

  it('applies all pending migrations in one transaction: a failing one leaves the database untouched', () => {
    const sqlite = store.raw();
    const broken = { name: '0099_broken', sql: 'CREATE TABLE half_done (id TEXT) STRICT; SELECT * FROM missing;' };
    expect(() => migrate(sqlite, [...MIGRATIONS, broken])).toThrow(/no such table: missing/);
    expect(tableNames(sqlite)).toEqual([]);
  });
});

describe('refusing databases this build must not touch', () => {
  it('refuses a database written by a newer version (unknown migration)', () => {
    store.open().close();
    const raw = store.raw();
    raw.prepare('INSERT INTO schema_migrations (name, hash, applied_at) VALUES (?, ?, ?)').run('0003_future', 'f00', 1);
    raw.close();
    expect(() => store.open()).toThrow(
      'This database was written by a newer version of Dispatch Control Room: it has migration(s) 0003_future, ' +
        'which this build does not know. Refusing to open it; use the newer version.',
    );
  });

  it('refuses a database whose stored migration hash differs from the shipped one (edited migration)', () => {
    const sqlite = store.raw();
    migrate(sqlite);
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: m.sql.replace('name TEXT NOT NULL', 'name TEXT') } : m));
    expect(edited[0]!.sql).not.toBe(MIGRATIONS[0]!.sql);
    expect(() => migrate(sqlite, edited)).toThrow(/^Migration 0001_reference in the database differs .* was edited/);
  });

  it('refuses a tampered ledger hash when opening', () => {
    store.open().close();
    const raw = store.raw();
    raw.prepare(`UPDATE schema_migrations SET hash = 'abc' WHERE name = '0002_operations'`).run();
    raw.close();
    expect(() => store.open()).toThrow(/Migration 0002_operations .*stored hash abc…/);
  });

  it('refuses a history with a gap (a later migration applied, an earlier one not)', () => {
    store.open().close();
    const raw = store.raw();
    raw.prepare(`DELETE FROM schema_migrations WHERE name = '0001_reference'`).run();
    raw.close();
    expect(() => store.open()).toThrow(/Migration 0001_reference was never applied but later ones were/);
  });

  it('refuses migrateTo an unknown name', () => {
    expect(() => migrateTo(store.raw(), '0009_nope')).toThrow('Unknown migration 0009_nope');
  });
});
