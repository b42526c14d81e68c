import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../../src/core/db/migrate';
import { MIGRATIONS } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open-database';
import { useStoreDir } from './store-fixture';

const store = useStoreDir();

describe('openDatabase', () => {
  it('configures WAL, foreign keys, busy timeout and NORMAL sync on a file database', () => {
    const { sqlite } = store.open();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('is idempotent: a second open applies nothing and changes no schema', () => {
    const first = store.open();
    const schemaBefore = first.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const ledgerBefore = first.sqlite.prepare('SELECT * FROM schema_migrations ORDER BY name').all();
    first.close();

    const second = store.open();
    expect(second.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    expect(second.sqlite.prepare('SELECT * FROM schema_migrations ORDER BY name').all()).toEqual(ledgerBefore);
    expect(ledgerBefore).toHaveLength(MIGRATIONS.length);
  });

  it('lets two connections open the same file at once', () => {
    const a = store.open();
    const b = store.open();
    a.sqlite.exec(`INSERT INTO skills (id, code, name) VALUES ('skl_1', 'hvac', 'HVAC')`);
    expect(b.sqlite.prepare('SELECT name FROM skills').pluck().get()).toBe('HVAC');
  });

  it('gives kysely the same connection', async () => {
    const { db, sqlite } = store.open();
    sqlite.exec(`INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '"dark"', 1)`);
    const row = await db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ key: 'theme', value_json: '"dark"', updated_at: 1 });
  });

  it('opens an in-memory database, migrated, without WAL', () => {
    const memory = openDatabase({ file: ':memory:' });
    try {
      expect(memory.sqlite.pragma('journal_mode', { simple: true })).toBe('memory');
      expect(memory.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(memory.sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      memory.close();
    }
  });

  it('opens a current database read-only, and refuses writes through it', () => {
    store.open().close();
    const { sqlite } = store.open(undefined, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    expect(() => sqlite.exec(`INSERT INTO skills (id, code, name) VALUES ('s', 's', 's')`)).toThrow(/readonly/);
  });

  it('refuses a read-only open of a database that still needs migrations', () => {
    const raw = store.raw();
    migrateTo(raw, '0001_reference');
    raw.close();
    expect(() => store.open(undefined, { readonly: true })).toThrow(
      /^The database needs migration\(s\) 0002_operations, 0003_sla_clock_schedule, 0004_telemetry, 0005_alert_channels, .+; open it read-write first\.$/,
    );
  });

  it('close() can be called twice', () => {
    const app = store.open();
    app.close();
    expect(() => app.close()).not.toThrow();
    expect(app.sqlite.open).toBe(false);
  });
});
