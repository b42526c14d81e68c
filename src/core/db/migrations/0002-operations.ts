/**
 * Operations: intake requests, work orders with their event history, SLA clocks and timelines, alerts and their
 * deliveries, corrective actions. Shipped: never edit, add a new migration instead.
 */
export default /* sql */ `
CREATE TABLE service_requests (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  -- Same key with a different body is a conflict (DOMAIN.md), so the body's hash is kept.
  body_hash TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('web', 'mobile', 'api', 'manual', 'simulator')),
  received_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  work_order_id TEXT REFERENCES work_orders (id) ON DELETE RESTRICT,
  response_json TEXT CHECK (json_valid(response_json))
) STRICT;
CREATE INDEX service_requests_work_order_id ON service_requests (work_order_id);
CREATE INDEX service_requests_received_at ON service_requests (received_at);

CREATE TABLE work_order_counters (
  year INTEGER PRIMARY KEY,
  last_value INTEGER NOT NULL CHECK (last_value >= 0)
) STRICT;

CREATE TABLE work_orders (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  request_id TEXT UNIQUE REFERENCES service_requests (id) ON DELETE RESTRICT,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
  site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
  contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
  category_id TEXT NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
  priority TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN (
    'new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold', 'completed', 'closed', 'cancelled'
  )),
  -- Hold returns to the state it left, and only accepted/en_route/on_site can be held (DOMAIN.md).
  held_from_status TEXT CHECK (held_from_status IN ('accepted', 'en_route', 'on_site')),
  hold_reason TEXT,
  description TEXT NOT NULL,
  error_codes_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(error_codes_json)),
  asset_json TEXT CHECK (json_valid(asset_json)),
  diagnostics_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(diagnostics_json)),
  compliance_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(compliance_json)),
  required_skills_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(required_skills_json)),
  estimated_minutes INTEGER NOT NULL CHECK (estimated_minutes > 0),
  vehicle_capabilities_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(vehicle_capabilities_json)),
  window_start_at INTEGER,
  window_end_at INTEGER,
  sla_policy_id TEXT REFERENCES sla_policies (id) ON DELETE RESTRICT,
  technician_id TEXT REFERENCES technicians (id) ON DELETE RESTRICT,
  assignment_json TEXT CHECK (json_valid(assignment_json)),
  excluded_technicians_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(excluded_technicians_json)),
  received_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  -- Optimistic concurrency: every write bumps it, and a write against a stale version is refused.
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK ((status = 'on_hold') = (held_from_status IS NOT NULL)),
  CHECK (window_start_at IS NULL OR window_end_at IS NULL OR window_end_at >= window_start_at)
) STRICT;
CREATE INDEX work_orders_status ON work_orders (status);
CREATE INDEX work_orders_technician_id ON work_orders (technician_id, status);
CREATE INDEX work_orders_updated_at ON work_orders (updated_at);
CREATE INDEX work_orders_customer_id ON work_orders (customer_id);
CREATE INDEX work_orders_site_id ON work_orders (site_id);
CREATE INDEX work_orders_contact_id ON work_orders (contact_id);
CREATE INDEX work_orders_category_id ON work_orders (category_id);
CREATE INDEX work_orders_sla_policy_id ON work_orders (sla_policy_id);
CREATE INDEX work_orders_received_at ON work_orders (received_at);

CREATE TABLE work_order_events (
  id TEXT PRIMARY KEY,
  work_order_id TEXT NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  type TEXT NOT NULL,
  from_status TEXT CHECK (from_status IN (
    'new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold', 'completed', 'closed', 'cancelled'
  )),
  to_status TEXT CHECK (to_status IN (
    'new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold', 'completed', 'closed', 'cancelled'
  )),
  -- at: when it happened (event time, drives the clocks); recorded_at: when the app learned of it.
  at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'apiKey', 'system')),
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  data_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data_json)),
  UNIQUE (work_order_id, seq)
) STRICT;
CREATE INDEX work_order_events_at ON work_order_events (at);

CREATE TABLE sla_clocks (
  id TEXT PRIMARY KEY,
  work_order_id TEXT NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
  metric TEXT NOT NULL CHECK (metric IN ('response', 'arrival', 'resolution')),
  policy_id TEXT NOT NULL REFERENCES sla_policies (id) ON DELETE RESTRICT,
  calendar_id TEXT NOT NULL REFERENCES calendars (id) ON DELETE RESTRICT,
  -- Copied at creation so later policy edits do not rewrite history (DOMAIN.md).
  target_seconds INTEGER NOT NULL CHECK (target_seconds >= 0),
  state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'paused', 'met', 'breached', 'missed', 'cancelled')),
  started_at INTEGER NOT NULL,
  due_at INTEGER,
  stopped_at INTEGER,
  elapsed_seconds INTEGER NOT NULL DEFAULT 0 CHECK (elapsed_seconds >= 0),
  paused_at INTEGER,
  thresholds_fired_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(thresholds_fired_json)),
  breach_fired_at INTEGER,
  updated_at INTEGER NOT NULL,
  UNIQUE (work_order_id, metric)
) STRICT;
CREATE INDEX sla_clocks_state_due_at ON sla_clocks (state, due_at);
CREATE INDEX sla_clocks_policy_id ON sla_clocks (policy_id);
CREATE INDEX sla_clocks_calendar_id ON sla_clocks (calendar_id);

CREATE TABLE sla_clock_timeline (
  id TEXT PRIMARY KEY,
  clock_id TEXT NOT NULL REFERENCES sla_clocks (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  event TEXT NOT NULL,
  elapsed_seconds INTEGER NOT NULL CHECK (elapsed_seconds >= 0),
  percent_elapsed REAL NOT NULL,
  wall_percent REAL NOT NULL,
  data_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data_json))
) STRICT;
CREATE INDEX sla_clock_timeline_clock_id ON sla_clock_timeline (clock_id, at);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  -- Thresholds and breaches fire exactly once per clock (DOMAIN.md): a second insert with the same key fails.
  dedupe_key TEXT NOT NULL UNIQUE,
  work_order_id TEXT REFERENCES work_orders (id) ON DELETE CASCADE,
  clock_id TEXT REFERENCES sla_clocks (id) ON DELETE CASCADE,
  escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
  title TEXT NOT NULL,
  message TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  data_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data_json))
) STRICT;
CREATE INDEX alerts_work_order_id ON alerts (work_order_id);
CREATE INDEX alerts_clock_id ON alerts (clock_id);
CREATE INDEX alerts_raised_at ON alerts (raised_at);
CREATE INDEX alerts_unacknowledged ON alerts (raised_at) WHERE acknowledged_at IS NULL;

CREATE TABLE alert_deliveries (
  id TEXT PRIMARY KEY,
  alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('in_app', 'desktop', 'email', 'webhook')),
  target TEXT NOT NULL,
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
  attempted_at INTEGER NOT NULL,
  response TEXT,
  error TEXT
) STRICT;
CREATE INDEX alert_deliveries_alert_id ON alert_deliveries (alert_id);
CREATE INDEX alert_deliveries_status ON alert_deliveries (status, attempted_at);

CREATE TABLE corrective_actions (
  id TEXT PRIMARY KEY,
  work_order_id TEXT NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  from_technician_id TEXT REFERENCES technicians (id) ON DELETE RESTRICT,
  to_technician_id TEXT REFERENCES technicians (id) ON DELETE RESTRICT,
  applied_at INTEGER NOT NULL,
  applied_by TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('met', 'missed')),
  outcome_at INTEGER
) STRICT;
CREATE INDEX corrective_actions_work_order_id ON corrective_actions (work_order_id);
CREATE INDEX corrective_actions_from_technician_id ON corrective_actions (from_technician_id);
CREATE INDEX corrective_actions_to_technician_id ON corrective_actions (to_technician_id);
CREATE INDEX corrective_actions_applied_at ON corrective_actions (applied_at);
`;
