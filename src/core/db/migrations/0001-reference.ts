/**
 * Reference data: the centre's regions, skills, customers and sites, categories, calendars, SLA policies, fleet,
 * technicians, people who sign in, and the audit log. Shipped: never edit, add a new migration instead (the
 * runner stores a hash of this text and refuses a database whose hash differs).
 */
export default /* sql */ `
CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  center_lat REAL NOT NULL CHECK (center_lat BETWEEN -90 AND 90),
  center_lon REAL NOT NULL CHECK (center_lon BETWEEN -180 AND 180)
) STRICT;

CREATE TABLE skills (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE vehicles (
  id TEXT PRIMARY KEY,
  registration TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'in_service' CHECK (status IN ('in_service', 'maintenance', 'out_of_service')),
  capabilities_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(capabilities_json)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE technicians (
  id TEXT PRIMARY KEY,
  external_id TEXT UNIQUE,
  name TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  team TEXT NOT NULL,
  region_id TEXT REFERENCES regions (id) ON DELETE RESTRICT,
  home_lat REAL NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
  home_lon REAL NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
  last_lat REAL CHECK (last_lat BETWEEN -90 AND 90),
  last_lon REAL CHECK (last_lon BETWEEN -180 AND 180),
  last_position_at INTEGER,
  status TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'busy', 'off_shift', 'unavailable')),
  daily_capacity_minutes INTEGER NOT NULL CHECK (daily_capacity_minutes >= 0),
  vehicle_id TEXT UNIQUE REFERENCES vehicles (id) ON DELETE RESTRICT,
  time_zone TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX technicians_region_id ON technicians (region_id);
CREATE INDEX technicians_status ON technicians (status);

CREATE TABLE technician_skills (
  technician_id TEXT NOT NULL REFERENCES technicians (id) ON DELETE CASCADE,
  skill_id TEXT NOT NULL REFERENCES skills (id) ON DELETE RESTRICT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  certified_until INTEGER,
  PRIMARY KEY (technician_id, skill_id)
) STRICT;
CREATE INDEX technician_skills_skill_id ON technician_skills (skill_id);

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  technician_id TEXT NOT NULL REFERENCES technicians (id) ON DELETE CASCADE,
  weekday TEXT NOT NULL CHECK (weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
  -- An end at or before the start runs past midnight, as calendar intervals do (DOMAIN.md).
  start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
  end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '24:00')
) STRICT;
CREATE INDEX shifts_technician_id ON shifts (technician_id);

CREATE TABLE time_off (
  id TEXT PRIMARY KEY,
  technician_id TEXT NOT NULL REFERENCES technicians (id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  CHECK (ends_at > starts_at)
) STRICT;
CREATE INDEX time_off_technician_id ON time_off (technician_id, starts_at);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  external_id TEXT UNIQUE,
  name TEXT NOT NULL,
  contract_code TEXT,
  preferred_technician_id TEXT REFERENCES technicians (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customers_preferred_technician_id ON customers (preferred_technician_id);

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
  external_id TEXT,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  -- NULL: derived from the coordinates.
  time_zone TEXT,
  region_id TEXT REFERENCES regions (id) ON DELETE RESTRICT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (customer_id, external_id)
) STRICT;
CREATE INDEX sites_region_id ON sites (region_id);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  site_id TEXT REFERENCES sites (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  phone TEXT,
  email TEXT
) STRICT;
CREATE INDEX contacts_customer_id ON contacts (customer_id);
CREATE INDEX contacts_site_id ON contacts (site_id);

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  default_priority TEXT NOT NULL CHECK (default_priority IN ('P1', 'P2', 'P3', 'P4')),
  estimated_minutes INTEGER NOT NULL CHECK (estimated_minutes > 0),
  vehicle_capabilities_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(vehicle_capabilities_json)),
  compliance_fields_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(compliance_fields_json)),
  diagnostic_params_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(diagnostic_params_json)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE category_skills (
  category_id TEXT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  skill_id TEXT NOT NULL REFERENCES skills (id) ON DELETE RESTRICT,
  min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 5),
  PRIMARY KEY (category_id, skill_id)
) STRICT;
CREATE INDEX category_skills_skill_id ON category_skills (skill_id);

CREATE TABLE calendars (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  time_zone TEXT NOT NULL,
  week_json TEXT NOT NULL CHECK (json_valid(week_json)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE calendar_holidays (
  calendar_id TEXT NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  name TEXT NOT NULL,
  PRIMARY KEY (calendar_id, date)
) STRICT;

CREATE TABLE calendar_overrides (
  calendar_id TEXT NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  intervals_json TEXT NOT NULL CHECK (json_valid(intervals_json)),
  PRIMARY KEY (calendar_id, date)
) STRICT;

CREATE TABLE escalation_protocols (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  levels_json TEXT NOT NULL CHECK (json_valid(levels_json)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sla_policies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  rank INTEGER NOT NULL DEFAULT 0,
  -- Match criteria: NULL matches anything.
  priority TEXT CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  category_id TEXT REFERENCES categories (id) ON DELETE RESTRICT,
  customer_id TEXT REFERENCES customers (id) ON DELETE RESTRICT,
  contract_code TEXT,
  calendar_id TEXT NOT NULL REFERENCES calendars (id) ON DELETE RESTRICT,
  zone_mode TEXT NOT NULL DEFAULT 'calendar' CHECK (zone_mode IN ('calendar', 'site')),
  pausing_reasons_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pausing_reasons_json)),
  warning_thresholds_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warning_thresholds_json)),
  reopen_window_seconds INTEGER NOT NULL DEFAULT 0 CHECK (reopen_window_seconds >= 0),
  escalation_protocol_id TEXT REFERENCES escalation_protocols (id) ON DELETE RESTRICT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sla_policies_calendar_id ON sla_policies (calendar_id);
CREATE INDEX sla_policies_category_id ON sla_policies (category_id);
CREATE INDEX sla_policies_customer_id ON sla_policies (customer_id);
CREATE INDEX sla_policies_escalation_protocol_id ON sla_policies (escalation_protocol_id);

CREATE TABLE sla_targets (
  policy_id TEXT NOT NULL REFERENCES sla_policies (id) ON DELETE CASCADE,
  metric TEXT NOT NULL CHECK (metric IN ('response', 'arrival', 'resolution')),
  target_seconds INTEGER NOT NULL CHECK (target_seconds >= 0),
  PRIMARY KEY (policy_id, metric)
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'dispatcher', 'technician', 'display')),
  -- NULL: cannot sign in with a password.
  password_hash TEXT,
  technician_id TEXT REFERENCES technicians (id) ON DELETE RESTRICT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX users_technician_id ON users (technician_id);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('integration', 'device', 'display', 'admin')),
  prefix TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'dispatcher', 'technician', 'display', 'integration')),
  scopes_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scopes_json)),
  technician_id TEXT REFERENCES technicians (id) ON DELETE RESTRICT,
  created_by TEXT REFERENCES users (id) ON DELETE RESTRICT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  last_used_at INTEGER
) STRICT;
CREATE INDEX api_keys_technician_id ON api_keys (technician_id);
CREATE INDEX api_keys_created_by ON api_keys (created_by);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;
CREATE INDEX sessions_user_id ON sessions (user_id);

-- seq gives the chain its order; AUTOINCREMENT so a seq is never reused after a delete (which verification reports).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'apiKey', 'system', 'anonymous')),
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT CHECK (json_valid(before_json)),
  after_json TEXT CHECK (json_valid(after_json)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at INTEGER NOT NULL
) STRICT;
`;
