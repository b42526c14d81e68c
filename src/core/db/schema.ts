import type * as Ops from './schema-operations';
import type * as Ref from './schema-reference';
import type { TelemetryEventTable } from './schema-telemetry';

export type * from './schema-operations';
export type * from './schema-telemetry';
export type * from './schema-reference';

/**
 * The store as kysely sees it: one interface per table, columns exactly as in the migrations' SQL. `Generated<T>`
 * marks a column the database fills (autoincrement or DEFAULT), so inserts may omit it. Instants are epoch ms,
 * booleans 0/1, `_json` columns hold JSON text (parse and validate in the repositories, not here).
 */
export interface Database {
  schema_migrations: Ref.SchemaMigrationTable;
  regions: Ref.RegionTable;
  skills: Ref.SkillTable;
  vehicles: Ref.VehicleTable;
  technicians: Ref.TechnicianTable;
  technician_skills: Ref.TechnicianSkillTable;
  shifts: Ref.ShiftTable;
  time_off: Ref.TimeOffTable;
  customers: Ref.CustomerTable;
  sites: Ref.SiteTable;
  contacts: Ref.ContactTable;
  categories: Ref.CategoryTable;
  category_skills: Ref.CategorySkillTable;
  calendars: Ref.CalendarTable;
  calendar_holidays: Ref.CalendarHolidayTable;
  calendar_overrides: Ref.CalendarOverrideTable;
  escalation_protocols: Ref.EscalationProtocolTable;
  sla_policies: Ref.SlaPolicyTable;
  sla_targets: Ref.SlaTargetTable;
  users: Ref.UserTable;
  api_keys: Ref.ApiKeyTable;
  sessions: Ref.SessionTable;
  audit_log: Ref.AuditLogTable;
  settings: Ref.SettingTable;
  service_requests: Ops.ServiceRequestTable;
  work_order_counters: Ops.WorkOrderCounterTable;
  work_orders: Ops.WorkOrderTable;
  work_order_events: Ops.WorkOrderEventTable;
  sla_clocks: Ops.SlaClockTable;
  sla_clock_timeline: Ops.SlaClockTimelineTable;
  alerts: Ops.AlertTable;
  alert_deliveries: Ops.AlertDeliveryTable;
  alert_channels: Ops.AlertChannelTable;
  corrective_actions: Ops.CorrectiveActionTable;
  telemetry_events: TelemetryEventTable;
  rpc_idempotency: RpcIdempotencyTable;
}

export interface RpcIdempotencyTable {
  principal_id: string;
  key: string;
  method: string;
  request_hash: string;
  response_json: string;
  created_at: number;
}
