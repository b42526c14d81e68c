import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertBasics, useStoreDir } from './store-fixture';

const store = useStoreDir();
const T = 1_767_225_600_000;
let sqlite: BetterSqlite3.Database;

beforeEach(() => {
  sqlite = store.open().sqlite;
  insertBasics(sqlite);
  sqlite.exec(`
    INSERT INTO categories (id, code, name, default_priority, estimated_minutes, created_at, updated_at)
      VALUES ('cat_1', 'LEAK', 'Leak', 'P2', 90, ${T}, ${T});
  `);
});

const run = (sql: string, ...params: unknown[]) => () => sqlite.prepare(sql).run(...params);

function insertOrder(overrides: Record<string, unknown> = {}) {
  const row: Record<string, unknown> = {
    id: 'wo_1', number: 'WO-2026-000001', customer_id: 'cus_1', site_id: 'site_1', category_id: 'cat_1',
    priority: 'P2', description: 'Water on the floor', estimated_minutes: 90, received_at: T, created_at: T,
    updated_at: T, updated_by: 'usr_1', ...overrides,
  };
  const columns = Object.keys(row);
  return run(
    `INSERT INTO work_orders (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ...Object.values(row),
  );
}

describe('CHECK constraints', () => {
  it('reject an unknown technician status', () => {
    expect(run(`UPDATE technicians SET status = 'flying' WHERE id = 'tech_1'`)).toThrow(/CHECK constraint failed: status/);
  });

  it('reject a skill level outside 1..5', () => {
    const insert = `INSERT INTO technician_skills (technician_id, skill_id, level) VALUES ('tech_1', 'skl_hvac', ?)`;
    expect(run(insert, 6)).toThrow(/CHECK constraint failed: level/);
    expect(run(insert, 0)).toThrow(/CHECK constraint failed: level/);
    expect(run(insert, 5)).not.toThrow();
  });

  it('reject a work order status or priority not in the lifecycle', () => {
    expect(insertOrder({ status: 'flying' })).toThrow(/CHECK constraint failed/);
    expect(insertOrder({ priority: 'P5' })).toThrow(/CHECK constraint failed: priority/);
    expect(insertOrder()).not.toThrow();
    expect(sqlite.prepare(`SELECT status, version FROM work_orders`).get()).toEqual({ status: 'new', version: 1 });
  });

  it('tie on_hold to the state it left', () => {
    expect(insertOrder({ status: 'on_hold' })).toThrow(/CHECK constraint failed/);
    expect(insertOrder({ status: 'accepted', held_from_status: 'accepted' })).toThrow(/CHECK constraint failed/);
    expect(insertOrder({ status: 'on_hold', held_from_status: 'new' })).toThrow(/CHECK constraint failed/);
    expect(insertOrder({ status: 'on_hold', held_from_status: 'en_route', hold_reason: 'waiting_parts' })).not.toThrow();
  });

  it('reject invalid JSON in _json columns', () => {
    expect(run(`UPDATE categories SET compliance_fields_json = 'not json'`)).toThrow(/CHECK constraint failed: json_valid/);
    expect(insertOrder({ diagnostics_json: '{"pressure":' })).toThrow(/CHECK constraint failed: json_valid/);
  });

  it('reject malformed local times and dates', () => {
    const shift = `INSERT INTO shifts (id, technician_id, weekday, start_time, end_time) VALUES (?, 'tech_1', ?, ?, ?)`;
    expect(run(shift, 'sh_1', 'mon', '25:00', '18:00')).toThrow(/CHECK constraint failed: start_time/);
    expect(run(shift, 'sh_2', 'monday', '08:00', '18:00')).toThrow(/CHECK constraint failed: weekday/);
    expect(run(shift, 'sh_3', 'fri', '22:00', '06:00')).not.toThrow(); // overnight shift
    expect(run(shift, 'sh_4', 'sat', '00:00', '24:00')).not.toThrow();
    sqlite.exec(`INSERT INTO calendars (id, name, time_zone, week_json, created_at, updated_at)
      VALUES ('cal_1', '24x7', 'UTC', '{}', ${T}, ${T})`);
    const holiday = `INSERT INTO calendar_holidays (calendar_id, date, name) VALUES ('cal_1', ?, 'Holiday')`;
    expect(run(holiday, '27-04-2026')).toThrow(/CHECK constraint failed: date/);
    expect(run(holiday, '2026-04-27')).not.toThrow();
  });

  it('reject a user role or vehicle status outside the lists', () => {
    expect(run(`INSERT INTO users (id, username, display_name, role, created_at, updated_at)
      VALUES ('usr_2', 'x', 'X', 'integration', 1, 1)`)).toThrow(/CHECK constraint failed: role/);
    expect(run(`INSERT INTO vehicles (id, registration, label, status, created_at, updated_at)
      VALUES ('veh_1', 'AB-123-C', 'Van', 'flying', 1, 1)`)).toThrow(/CHECK constraint failed: status/);
  });

  it('STRICT tables refuse text in integer columns', () => {
    expect(run(`UPDATE technicians SET daily_capacity_minutes = 'lots'`)).toThrow(
      /cannot store TEXT value in INTEGER column technicians.daily_capacity_minutes/,
    );
  });
});

describe('foreign keys', () => {
  it('reject a site of an unknown customer', () => {
    expect(
      run(`INSERT INTO sites (id, customer_id, name, address, lat, lon, created_at, updated_at)
        VALUES ('site_2', 'cus_missing', 'Ghost', 'Nowhere 1', 52, 4, 1, 1)`),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('reject a work order for an unknown category and a skill for an unknown technician', () => {
    expect(insertOrder({ category_id: 'cat_missing' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(run(`INSERT INTO technician_skills (technician_id, skill_id, level) VALUES ('tech_x', 'skl_hvac', 3)`)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('restrict deleting a customer that still has sites', () => {
    expect(run(`DELETE FROM customers WHERE id = 'cus_1'`)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("cascade a technician's shifts and skills, and clear a customer's preference for them", () => {
    sqlite.exec(`
      DELETE FROM users;
      INSERT INTO shifts (id, technician_id, weekday, start_time, end_time) VALUES ('sh_1', 'tech_1', 'mon', '08:00', '16:00');
      INSERT INTO technician_skills (technician_id, skill_id, level) VALUES ('tech_1', 'skl_hvac', 3);
      DELETE FROM technicians WHERE id = 'tech_1';
    `);
    expect(sqlite.prepare('SELECT count(*) FROM shifts').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM technician_skills').pluck().get()).toBe(0);
    expect(sqlite.prepare(`SELECT preferred_technician_id FROM customers`).pluck().get()).toBeNull();
  });
});

describe('uniqueness', () => {
  it('fires an alert once per dedupe key', () => {
    const alert = `INSERT INTO alerts (id, kind, severity, dedupe_key, title, message, raised_at)
      VALUES (?, 'sla.warning', 'warning', 'clk_1:75', 'Warning', '75 % elapsed', 1)`;
    expect(run(alert, 'alr_1')).not.toThrow();
    expect(run(alert, 'alr_2')).toThrow(/UNIQUE constraint failed: alerts.dedupe_key/);
  });

  it('keeps one event per work order and sequence number', () => {
    insertOrder()();
    const event = `INSERT INTO work_order_events (id, work_order_id, seq, type, at, recorded_at, actor_kind, actor_id, actor_name)
      VALUES (?, 'wo_1', 1, 'created', 1, 1, 'system', 'system', 'System')`;
    expect(run(event, 'evt_1')).not.toThrow();
    expect(run(event, 'evt_2')).toThrow(/UNIQUE constraint failed: work_order_events.work_order_id, work_order_events.seq/);
  });
});
