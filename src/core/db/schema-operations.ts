import type { Generated } from 'kysely';
import type { ActorKind, Priority, SlaMetric } from './schema-reference';

/** Row types of the tables created by 0002_operations and changed by later migrations (conventions in ./schema.ts). */

export type RequestChannel = 'web' | 'mobile' | 'api' | 'manual' | 'simulator';
export type WorkOrderStatus =
  | 'new'
  | 'assigned'
  | 'dispatched'
  | 'accepted'
  | 'en_route'
  | 'on_site'
  | 'on_hold'
  | 'completed'
  | 'closed'
  | 'cancelled';
export type HeldFromStatus = 'accepted' | 'en_route' | 'on_site';
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'missed' | 'cancelled';
export type AlertSeverity = 'info' | 'warning' | 'critical';
export type DeliveryChannel = 'in_app' | 'desktop' | 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface ServiceRequestTable {
  id: string;
  idempotency_key: string;
  body_hash: string;
  channel: RequestChannel;
  received_at: number;
  created_at: number;
  payload_json: string;
  work_order_id: string | null;
  response_json: string | null;
}

export interface WorkOrderCounterTable {
  year: number;
  last_value: number;
}

export interface WorkOrderTable {
  id: string;
  number: string;
  request_id: string | null;
  customer_id: string;
  site_id: string;
  contact_id: string | null;
  category_id: string;
  priority: Priority;
  status: Generated<WorkOrderStatus>;
  held_from_status: HeldFromStatus | null;
  hold_reason: string | null;
  description: string;
  error_codes_json: Generated<string>;
  asset_json: string | null;
  diagnostics_json: Generated<string>;
  compliance_json: Generated<string>;
  required_skills_json: Generated<string>;
  estimated_minutes: number;
  vehicle_capabilities_json: Generated<string>;
  window_start_at: number | null;
  window_end_at: number | null;
  sla_policy_id: string | null;
  technician_id: string | null;
  assignment_json: string | null;
  excluded_technicians_json: Generated<string>;
  received_at: number;
  created_at: number;
  updated_at: number;
  updated_by: string;
  version: Generated<number>;
}

export interface WorkOrderEventTable {
  id: string;
  work_order_id: string;
  seq: number;
  type: string;
  from_status: WorkOrderStatus | null;
  to_status: WorkOrderStatus | null;
  at: number;
  recorded_at: number;
  actor_kind: ActorKind;
  actor_id: string;
  actor_name: string;
  data_json: Generated<string>;
}

export interface SlaClockTable {
  id: string;
  work_order_id: string;
  metric: SlaMetric;
  policy_id: string;
  calendar_id: string;
  target_seconds: number;
  state: Generated<ClockState>;
  started_at: number;
  due_at: number | null;
  stopped_at: number | null;
  elapsed_seconds: Generated<number>;
  paused_at: number | null;
  thresholds_fired_json: Generated<string>;
  breach_fired_at: number | null;
  updated_at: number;
  /** 0003: the earliest threshold or breach instant not yet fired; null when nothing is left to fire. */
  next_fire_at: number | null;
  /** 0010: the ClockBasis (calendar in its zone, thresholds, pausing reasons) fixed at creation; null before 0010. */
  definition_json: string | null;
}

export interface SlaClockTimelineTable {
  id: string;
  clock_id: string;
  at: number;
  event: string;
  elapsed_seconds: number;
  percent_elapsed: number;
  wall_percent: number;
  data_json: Generated<string>;
}

export interface AlertTable {
  id: string;
  kind: string;
  severity: AlertSeverity;
  dedupe_key: string;
  work_order_id: string | null;
  clock_id: string | null;
  escalation_level: Generated<number>;
  title: string;
  message: string;
  raised_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  data_json: Generated<string>;
}

export interface AlertDeliveryTable {
  id: string;
  alert_id: string;
  channel: DeliveryChannel;
  target: string;
  attempt: number;
  status: DeliveryStatus;
  attempted_at: number;
  response: string | null;
  error: string | null;
  /** Added by 0005_alert_channels: the e-mail or webhook channel it went through (null for in-app and desktop). */
  channel_id: string | null;
}

/** Created by 0005_alert_channels. */
export interface AlertChannelTable {
  id: string;
  name: string;
  kind: 'email' | 'webhook';
  target: string;
  secret: string | null;
  roles_json: Generated<string>;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface CorrectiveActionTable {
  id: string;
  work_order_id: string;
  kind: string;
  reason: string;
  from_technician_id: string | null;
  to_technician_id: string | null;
  applied_at: number;
  applied_by: string;
  outcome: 'met' | 'missed' | null;
  outcome_at: number | null;
  /** 0007: the metric the action was meant to save, the order a swap moved, who applied it, the proposal's figures. */
  metric: SlaMetric | null;
  other_work_order_id: string | null;
  applied_by_name: string | null;
  details_json: Generated<string>;
}
