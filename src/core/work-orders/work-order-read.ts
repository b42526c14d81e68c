import type { InferResult, Kysely, Selectable } from 'kysely';
import type { Category } from '../../shared/schemas/reference.schema';
import type { WorkOrderDetail, WorkOrderStatus } from '../../shared/schemas/work-order.schema';
import { AppError } from '../../shared/errors';
import type { Database, SlaClockTable } from '../db/schema';
import { prepareQuery } from '../db/prepared-query';
import { missingCompliance } from './compliance';
import { nextDueOf } from './work-order-summary';

type Db = Kysely<Database>;

// Prepared: every intake and every order change answers with the order it wrote (see prepareQuery).
const orderQuery = (db: Db, id: string) =>
  db
    .selectFrom('work_orders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .innerJoin('sites as s', 's.id', 'wo.site_id')
    .innerJoin('categories as cat', 'cat.id', 'wo.category_id')
    .leftJoin('contacts as ct', 'ct.id', 'wo.contact_id')
    .leftJoin('sla_policies as p', 'p.id', 'wo.sla_policy_id')
    .selectAll('wo')
    .select([
      'c.name as customer_name',
      's.name as site_name',
      's.address as site_address',
      's.lat as site_lat',
      's.lon as site_lon',
      's.time_zone as site_time_zone',
      's.region_id as site_region_id',
      'cat.code as category_code',
      'cat.name as category_name',
      'cat.compliance_fields_json',
      'ct.name as contact_name',
      'ct.phone as contact_phone',
      'ct.email as contact_email',
      'p.name as policy_name',
    ])
    .where('wo.id', '=', id);
const selectOrder = prepareQuery<{ id: string }, InferResult<ReturnType<typeof orderQuery>>[number]>((db, v) => orderQuery(db, v.id));
const selectTargets = prepareQuery<{ id: string }, Pick<Selectable<SlaClockTable>, 'metric' | 'target_seconds' | 'started_at' | 'due_at' | 'state' | 'stopped_at'>>((db, v) =>
  db.selectFrom('sla_clocks').select(['metric', 'target_seconds', 'started_at', 'due_at', 'state', 'stopped_at']).where('work_order_id', '=', v.id),
);

/** The full order as the API and the board show it; `events` adds the history. */
export async function readWorkOrder(db: Db, id: string, withEvents = false): Promise<WorkOrderDetail> {
  const [row] = (await selectOrder(db, { id })).rows;
  if (!row) throw new AppError('not_found', `No work order with id "${id}".`);
  const [clocks, events] = await Promise.all([
    selectTargets(db, { id }).then((r) => r.rows),
    withEvents ? db.selectFrom('work_order_events').selectAll().where('work_order_id', '=', id).orderBy('seq').execute() : [],
  ]);
  const metricOrder = { response: 0, arrival: 1, resolution: 2 } as const;
  const compliance = JSON.parse(row.compliance_json) as WorkOrderDetail['compliance']['values'];
  const fields = JSON.parse(row.compliance_fields_json) as Category['complianceFields'];
  const targets = clocks
    .sort((a, b) => metricOrder[a.metric] - metricOrder[b.metric])
    .map((c) => ({ metric: c.metric, targetSeconds: c.target_seconds, startedAt: c.started_at, dueAt: c.due_at, state: c.state, stoppedAt: c.stopped_at }));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    priority: row.priority,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    customerName: row.customer_name,
    siteName: row.site_name,
    regionId: row.site_region_id,
    technicianId: row.technician_id,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    version: row.version,
    nextDue: nextDueOf(targets),
    description: row.description,
    customerId: row.customer_id,
    siteId: row.site_id,
    site: { name: row.site_name, address: row.site_address, lat: row.site_lat, lon: row.site_lon, timeZone: row.site_time_zone },
    contact: row.contact_name ? { name: row.contact_name, phone: row.contact_phone, email: row.contact_email } : null,
    asset: row.asset_json ? JSON.parse(row.asset_json) : null,
    errorCodes: JSON.parse(row.error_codes_json),
    diagnostics: JSON.parse(row.diagnostics_json),
    requiredSkills: JSON.parse(row.required_skills_json),
    estimatedMinutes: row.estimated_minutes,
    vehicleCapabilities: JSON.parse(row.vehicle_capabilities_json),
    window: row.window_start_at !== null && row.window_end_at !== null ? { start: row.window_start_at, end: row.window_end_at } : null,
    holdReason: row.hold_reason,
    compliance: { values: compliance, missing: missingCompliance(fields, compliance, 'closed') },
    sla: row.sla_policy_id
      ? {
          policyId: row.sla_policy_id,
          policyName: row.policy_name ?? row.sla_policy_id,
          targets,
        }
      : null,
    assignment: row.assignment_json ? JSON.parse(row.assignment_json) : null,
    excludedTechnicianIds: JSON.parse(row.excluded_technicians_json),
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    ...(withEvents
      ? {
          events: events.map((e) => ({
            seq: e.seq,
            type: e.type,
            fromStatus: e.from_status as WorkOrderStatus | null,
            toStatus: e.to_status as WorkOrderStatus | null,
            at: e.at,
            recordedAt: e.recorded_at,
            actor: { kind: e.actor_kind, id: e.actor_id, name: e.actor_name },
            data: JSON.parse(e.data_json),
          })),
        }
      : {}),
  };
}
