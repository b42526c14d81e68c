import type { SelectType } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/core/db/schema';
import { tableNames, useStoreDir } from './store-fixture';

type Nullability<Row> = { [K in keyof Row]: null extends SelectType<Row[K]> ? 'null' : 'notnull' };

/**
 * The TypeScript row types restated as data. The compiler checks this map against `Database` (every column,
 * no extra, nullability matching); the test checks it against the migrated SQLite schema. Together they catch
 * schema.ts drifting from the migrations.
 */
const N = 'null' as const;
const R = 'notnull' as const;
const COLUMNS: { [T in keyof Database]: Nullability<Database[T]> } = {
  schema_migrations: { name: R, hash: R, applied_at: R },
  regions: { id: R, code: R, name: R, center_lat: R, center_lon: R, boundary_geojson: N },
  skills: { id: R, code: R, name: R },
  vehicles: { id: R, registration: R, label: R, status: R, capabilities_json: R, created_at: R, updated_at: R },
  technicians: {
    id: R, external_id: N, name: R, phone: N, email: N, team: R, region_id: N, home_lat: R, home_lon: R, last_lat: N,
    last_lon: N, last_position_at: N, status: R, daily_capacity_minutes: R, vehicle_id: N, time_zone: R,
    created_at: R, updated_at: R, active: R,
  },
  technician_skills: { technician_id: R, skill_id: R, level: R, certified_until: N },
  shifts: { id: R, technician_id: R, weekday: R, start_time: R, end_time: R },
  time_off: { id: R, technician_id: R, starts_at: R, ends_at: R, reason: R },
  customers: {
    id: R, external_id: N, name: R, contract_code: N, preferred_technician_id: N, created_at: R, updated_at: R,
  },
  sites: {
    id: R, customer_id: R, external_id: N, name: R, address: R, lat: R, lon: R, time_zone: N, region_id: N,
    created_at: R, updated_at: R,
  },
  contacts: { id: R, customer_id: R, site_id: N, name: R, phone: N, email: N },
  categories: {
    id: R, code: R, name: R, default_priority: R, estimated_minutes: R, vehicle_capabilities_json: R,
    compliance_fields_json: R, diagnostic_params_json: R, active: R, created_at: R, updated_at: R,
  },
  category_skills: { category_id: R, skill_id: R, min_level: R },
  calendars: { id: R, name: R, time_zone: R, week_json: R, created_at: R, updated_at: R },
  calendar_holidays: { calendar_id: R, date: R, name: R },
  calendar_overrides: { calendar_id: R, date: R, intervals_json: R },
  escalation_protocols: { id: R, name: R, levels_json: R, created_at: R, updated_at: R },
  sla_policies: {
    id: R, name: R, rank: R, priority: N, category_id: N, customer_id: N, contract_code: N, calendar_id: R,
    zone_mode: R, pausing_reasons_json: R, warning_thresholds_json: R, reopen_window_seconds: R,
    escalation_protocol_id: N, active: R, created_at: R, updated_at: R,
  },
  sla_targets: { policy_id: R, metric: R, target_seconds: R },
  users: {
    id: R, username: R, display_name: R, role: R, password_hash: N, technician_id: N, active: R, created_at: R,
    updated_at: R,
  },
  api_keys: {
    id: R, name: R, kind: R, prefix: R, secret_hash: R, role: R, scopes_json: R, technician_id: N, created_by: N,
    created_at: R, expires_at: N, revoked_at: N, last_used_at: N,
  },
  sessions: { id: R, user_id: R, token_hash: R, created_at: R, expires_at: R, revoked_at: N },
  audit_log: {
    seq: R, id: R, at: R, actor_kind: R, actor_id: R, actor_name: R, action: R, entity_type: R, entity_id: R,
    before_json: N, after_json: N, prev_hash: R, hash: R,
  },
  settings: { key: R, value_json: R, updated_at: R },
  service_requests: {
    id: R, idempotency_key: R, body_hash: R, channel: R, received_at: R, created_at: R, payload_json: R,
    work_order_id: N, response_json: N,
  },
  work_order_counters: { year: R, last_value: R },
  work_orders: {
    id: R, number: R, request_id: N, customer_id: R, site_id: R, contact_id: N, category_id: R, priority: R,
    status: R, held_from_status: N, hold_reason: N, description: R, error_codes_json: R, asset_json: N,
    diagnostics_json: R, compliance_json: R, required_skills_json: R, estimated_minutes: R,
    vehicle_capabilities_json: R, window_start_at: N, window_end_at: N, sla_policy_id: N, technician_id: N,
    assignment_json: N, excluded_technicians_json: R, received_at: R, created_at: R, updated_at: R, updated_by: R,
    version: R,
  },
  work_order_events: {
    id: R, work_order_id: R, seq: R, type: R, from_status: N, to_status: N, at: R, recorded_at: R, actor_kind: R,
    actor_id: R, actor_name: R, data_json: R,
  },
  sla_clocks: {
    id: R, work_order_id: R, metric: R, policy_id: R, calendar_id: R, target_seconds: R, state: R, started_at: R,
    due_at: N, stopped_at: N, elapsed_seconds: R, paused_at: N, thresholds_fired_json: R, breach_fired_at: N,
    updated_at: R, next_fire_at: N, definition_json: N,
  },
  sla_clock_timeline: {
    id: R, clock_id: R, at: R, event: R, elapsed_seconds: R, percent_elapsed: R, wall_percent: R, data_json: R,
  },
  alerts: {
    id: R, kind: R, severity: R, dedupe_key: R, work_order_id: N, clock_id: N, escalation_level: R, title: R,
    message: R, raised_at: R, acknowledged_at: N, acknowledged_by: N, data_json: R,
  },
  alert_deliveries: {
    id: R, alert_id: R, channel: R, target: R, attempt: R, status: R, attempted_at: R, response: N, error: N,
    channel_id: N,
  },
  alert_channels: {
    id: R, name: R, kind: R, target: R, secret: N, roles_json: R, active: R, created_at: R, updated_at: R,
  },
  corrective_actions: {
    id: R, work_order_id: R, kind: R, reason: R, from_technician_id: N, to_technician_id: N, applied_at: R,
    applied_by: R, outcome: N, outcome_at: N, metric: N, other_work_order_id: N, applied_by_name: N, details_json: R,
  },
  telemetry_events: {
    event_id: R, type: R, subject_id: R, at: R, received_at: R, sender_id: R, lat: N, lon: N, status: N,
  },
  rpc_idempotency: { principal_id: R, key: R, method: R, request_hash: R, response_json: R, created_at: R },
};

const store = useStoreDir();

describe('schema.ts matches the migrated database', () => {
  it('declares exactly the tables the migrations create', () => {
    expect(tableNames(store.open().sqlite)).toEqual(Object.keys(COLUMNS).sort());
  });

  it('declares every column with the nullability SQLite enforces', () => {
    const { sqlite } = store.open();
    for (const [table, columns] of Object.entries(COLUMNS)) {
      const info = sqlite.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?)').all(table) as {
        name: string;
        notnull: number;
        pk: number;
      }[];
      // STRICT tables make primary key columns NOT NULL even where the DDL does not say so.
      const actual = Object.fromEntries(info.map((c) => [c.name, c.notnull || c.pk ? 'notnull' : 'null']));
      expect(actual, table).toEqual(columns);
    }
  });
});
