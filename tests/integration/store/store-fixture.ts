import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../src/core/db/open-database';

/**
 * A fresh directory per test, removed afterwards together with every connection the test opened (an open
 * connection would keep the WAL files alive on some platforms).
 */
export function useStoreDir() {
  let dir = '';
  const open: { close(): void }[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dcr-store-'));
  });
  afterEach(() => {
    for (const connection of open.splice(0)) connection.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (name = 'store.db') => join(dir, name);
  return {
    file,
    open(name?: string, opts: { readonly?: boolean } = {}): AppDatabase {
      const store = openDatabase({ file: file(name), ...opts });
      open.push(store);
      return store;
    },
    /** A bare connection that has not been migrated, for building old or tampered databases. */
    raw(name?: string): BetterSqlite3.Database {
      const sqlite = new BetterSqlite3(file(name));
      sqlite.pragma('foreign_keys = ON');
      open.push({ close: () => sqlite.open && sqlite.close() });
      return sqlite;
    },
  };
}

export function tableNames(sqlite: BetterSqlite3.Database): string[] {
  return sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
}

export function columnNames(sqlite: BetterSqlite3.Database, table: string): string[] {
  return (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]);
}

const T = 1_767_225_600_000; // 2026-01-01T00:00:00Z

/** The smallest set of reference rows most constraint tests need, inserted with plain SQL. */
export function insertBasics(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(`
    INSERT INTO regions (id, code, name, center_lat, center_lon) VALUES ('reg_1', 'N', 'North', 52.4, 4.9);
    INSERT INTO skills (id, code, name) VALUES ('skl_hvac', 'hvac', 'HVAC');
    INSERT INTO technicians (id, name, team, region_id, home_lat, home_lon, status, daily_capacity_minutes,
      time_zone, created_at, updated_at)
      VALUES ('tech_1', 'Anna de Vries', 'North', 'reg_1', 52.38, 4.9, 'available', 480, 'Europe/Amsterdam', ${T}, ${T});
    INSERT INTO customers (id, external_id, name, contract_code, preferred_technician_id, created_at, updated_at)
      VALUES ('cus_1', 'C-1', 'Harbour Foods', 'GOLD', 'tech_1', ${T}, ${T});
    INSERT INTO sites (id, customer_id, external_id, name, address, lat, lon, region_id, created_at, updated_at)
      VALUES ('site_1', 'cus_1', 'S-1', 'Depot', 'Kade 1', 52.37, 4.89, 'reg_1', ${T}, ${T});
    INSERT INTO users (id, username, display_name, role, technician_id, created_at, updated_at)
      VALUES ('usr_1', 'anna', 'Anna de Vries', 'technician', 'tech_1', ${T}, ${T});
  `);
}
