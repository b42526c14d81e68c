import type { Generated } from 'kysely';
import type { Role } from '../../shared/roles';

/** Row types of the tables created by 0001_reference (conventions in ./schema.ts). */

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type ActorKind = 'user' | 'apiKey' | 'system';
export type SlaMetric = 'response' | 'arrival' | 'resolution';
export type VehicleStatus = 'in_service' | 'maintenance' | 'out_of_service';
export type TechnicianStatus = 'available' | 'busy' | 'off_shift' | 'unavailable';
export type UserRole = Exclude<Role, 'integration'>;
export type ApiKeyKind = 'integration' | 'device' | 'display' | 'admin';

export interface SchemaMigrationTable {
  name: string;
  hash: string;
  applied_at: number;
}

export interface RegionTable {
  id: string;
  code: string;
  name: string;
  center_lat: number;
  center_lon: number;
  /** Added by 0009_region_boundaries: GeoJSON Polygon/MultiPolygon text, or null. */
  boundary_geojson: Generated<string | null>;
}

export interface SkillTable {
  id: string;
  code: string;
  name: string;
}

export interface VehicleTable {
  id: string;
  registration: string;
  label: string;
  status: Generated<VehicleStatus>;
  capabilities_json: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface TechnicianTable {
  id: string;
  external_id: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  team: string;
  region_id: string | null;
  home_lat: number;
  home_lon: number;
  last_lat: number | null;
  last_lon: number | null;
  last_position_at: number | null;
  status: Generated<TechnicianStatus>;
  daily_capacity_minutes: number;
  vehicle_id: string | null;
  time_zone: string;
  created_at: number;
  updated_at: number;
  /** Added by 0008_technician_active. */
  active: Generated<number>;
}

export interface TechnicianSkillTable {
  technician_id: string;
  skill_id: string;
  level: number;
  certified_until: number | null;
}

export interface ShiftTable {
  id: string;
  technician_id: string;
  weekday: Weekday;
  start_time: string;
  end_time: string;
}

export interface TimeOffTable {
  id: string;
  technician_id: string;
  starts_at: number;
  ends_at: number;
  reason: string;
}

export interface CustomerTable {
  id: string;
  external_id: string | null;
  name: string;
  contract_code: string | null;
  preferred_technician_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface SiteTable {
  id: string;
  customer_id: string;
  external_id: string | null;
  name: string;
  address: string;
  lat: number;
  lon: number;
  time_zone: string | null;
  region_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface ContactTable {
  id: string;
  customer_id: string;
  site_id: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}

export interface CategoryTable {
  id: string;
  code: string;
  name: string;
  default_priority: Priority;
  estimated_minutes: number;
  vehicle_capabilities_json: Generated<string>;
  compliance_fields_json: Generated<string>;
  diagnostic_params_json: Generated<string>;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface CategorySkillTable {
  category_id: string;
  skill_id: string;
  min_level: number;
}

export interface CalendarTable {
  id: string;
  name: string;
  time_zone: string;
  week_json: string;
  created_at: number;
  updated_at: number;
}

export interface CalendarHolidayTable {
  calendar_id: string;
  date: string;
  name: string;
}

export interface CalendarOverrideTable {
  calendar_id: string;
  date: string;
  intervals_json: string;
}

export interface EscalationProtocolTable {
  id: string;
  name: string;
  levels_json: string;
  created_at: number;
  updated_at: number;
}

export interface SlaPolicyTable {
  id: string;
  name: string;
  rank: Generated<number>;
  priority: Priority | null;
  category_id: string | null;
  customer_id: string | null;
  contract_code: string | null;
  calendar_id: string;
  zone_mode: Generated<'calendar' | 'site'>;
  pausing_reasons_json: Generated<string>;
  warning_thresholds_json: Generated<string>;
  reopen_window_seconds: Generated<number>;
  escalation_protocol_id: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface SlaTargetTable {
  policy_id: string;
  metric: SlaMetric;
  target_seconds: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  password_hash: string | null;
  technician_id: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  kind: ApiKeyKind;
  prefix: string;
  secret_hash: string;
  role: string;
  scopes_json: Generated<string>;
  technician_id: string | null;
  created_by: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: number;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: number;
}
