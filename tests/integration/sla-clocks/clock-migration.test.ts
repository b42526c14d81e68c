import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../../src/core/db/migrate';
import type { Database } from '../../../src/core/db/schema';
import { seedDemo } from '../../../src/core/demo/seed-demo';
import { useStoreDir } from '../store/store-fixture';
import { addOfficePolicy, addOrder, engineFor, HOUR, t } from './clock-fixture';

const store = useStoreDir();

describe('0003_sla_clock_schedule', () => {
  it('migrates a 0002 database with live clocks forward, and the first start-up fires what they crossed meanwhile, late', async () => {
    // A 0002 database (before the clock engine) with one running clock started Mon 2026-03-02 10:00, 8 h target.
    // The demo is seeded by today's code into a current database, and copied column by column into the old one.
    const current = store.open('current.db');
    await seedDemo(current.db, { seed: 7, now: t('2026-03-01T00:00:00Z') });
    current.close();
    const raw = new BetterSqlite3(store.file());
    migrateTo(raw, '0002_operations');
    copyCommonColumns(raw, store.file('current.db'));
    raw.pragma('foreign_keys = ON');
    const old = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await addOfficePolicy(old);
    const { clocks } = await addOrder(old, t('2026-03-02T10:00:00Z'), { resolution: 8 * HOUR });
    await old.destroy();

    const { db } = store.open();
    const row = await db.selectFrom('sla_clocks').select(['state', 'next_fire_at']).where('id', '=', clocks.resolution!).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'running', next_fire_at: t('2026-03-02T10:00:00Z') });

    // Started Tue 09:30: 75 % (Mon 16:00) and 90 % (Tue 09:12) passed before the engine existed.
    const { engine } = engineFor(db);
    const fired = await engine.catchUp(t('2026-03-03T09:30:00Z'));
    expect(fired.map((e) => [e.name, e.payload.threshold, e.payload.late])).toEqual([
      ['sla.warning', 75, true],
      ['sla.warning', 90, true],
    ]);
    expect(await db.selectFrom('sla_clocks').select('next_fire_at').where('id', '=', clocks.resolution!).executeTakeFirstOrThrow()).toEqual({
      next_fire_at: t('2026-03-03T10:00:01Z'),
    });
  });
});

/** Copies every row of `from` into the tables `sqlite` has, keeping only the columns that existed then. */
function copyCommonColumns(sqlite: BetterSqlite3.Database, from: string): void {
  sqlite.prepare('ATTACH DATABASE ? AS source').run(from);
  const tables = sqlite.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all() as { name: string }[];
  for (const { name } of tables) {
    const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
    sqlite.exec(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM source."${name}"`);
  }
  sqlite.exec('DETACH DATABASE source');
}
