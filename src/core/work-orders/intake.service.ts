import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { Category } from '../../shared/schemas/reference.schema';
import type { ServiceRequestInput } from '../../shared/schemas/service-request.schema';
import type { WorkOrderDetail } from '../../shared/schemas/work-order.schema';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../db/ids';
import { prepareInsert, prepareQuery } from '../db/prepared-query';
import type { Database } from '../db/schema';
import { inTransaction, type Emit } from '../db/transaction';
import { clockDefinition, liveClockBasis, newClockRow, startOrderClocks, type StartedClock } from '../sla-clocks';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { toAssignmentOrder } from './assignment-context';
import { proposeAssignment } from './assignment-flow';
import { resolveParty } from './customer-resolution';
import { matchPolicy } from './policy-match';
import { intakeReferenceFor, type IntakeReference } from './intake-reference';
import { PolicyCalendars } from './policy-calendars';
import { rosterCacheFor, type RosterCache } from './roster-cache';
import { planTargets } from './sla-targets';
import { allocateOrderNumber, appendOrderEvent } from './work-order-events';
import { readWorkOrder } from './work-order-read';
import { toSummary } from './work-order-summary';

type Trx = Transaction<Database>;

/** The body an idempotency key is bound to: everything but the key itself. */
export function requestHash(input: ServiceRequestInput): string {
  const { idempotencyKey: _key, ...body } = input;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function createIntakeHandlers(deps: CoreDeps): HandlerMap<'serviceRequests.create'> {
  const { db, bus } = deps;
  const calendars = new PolicyCalendars(db);
  const roster = rosterCacheFor(bus);
  const reference = intakeReferenceFor(bus);
  return {
    'serviceRequests.create': async (input, { principal, now }) => {
      const hash = requestHash(input);
      const replay = await findReplay(db, input.idempotencyKey, hash);
      if (replay) return replay;
      return inTransaction(db, bus, async (trx, emit) => {
        // Checked again inside the transaction: two identical requests racing must create one order.
        const raced = await findReplay(trx, input.idempotencyKey, hash);
        if (raced) return raced;
        const order = await createOrder(trx, { calendars, roster, reference }, input, principal, now, emit);
        await insertRequest(trx, {
          id: newId('req'),
          idempotency_key: input.idempotencyKey,
          body_hash: hash,
          channel: input.channel,
          received_at: order.receivedAt,
          created_at: now,
          payload_json: JSON.stringify(input),
          work_order_id: order.id,
          response_json: JSON.stringify(order),
        });
        return order;
      });
    },
  };
}

async function findReplay(db: Trx | CoreDeps['db'], key: string, hash: string): Promise<WorkOrderDetail | null> {
  const [previous] = (await selectRequest(db, { key })).rows;
  if (!previous) return null;
  if (previous.body_hash !== hash) {
    throw new AppError('conflict', `The idempotency key "${key}" was already used with a different request body.`, [
      { path: 'idempotencyKey', message: 'already used with a different body' },
    ]);
  }
  return JSON.parse(previous.response_json ?? 'null') as WorkOrderDetail;
}

async function createOrder(
  trx: Trx,
  { calendars, roster, reference }: { calendars: PolicyCalendars; roster: RosterCache; reference: IntakeReference },
  input: ServiceRequestInput,
  principal: Principal | null,
  now: number,
  emit: Emit,
): Promise<WorkOrderDetail> {
  const known = await reference.category(trx, input.categoryCode);
  if (!known) {
    throw new AppError('validation', `Unknown category "${input.categoryCode}".`, [{ path: 'categoryCode', message: 'not a configured category code' }]);
  }
  const receivedAt = input.receivedAt ? Date.parse(input.receivedAt) : now;
  if (receivedAt > now + 5 * 60_000) {
    throw new AppError('validation', 'receivedAt lies in the future.', [{ path: 'receivedAt', message: 'must not be in the future' }]);
  }
  const { row: category, requiredSkills } = known;
  const { customer, site } = await resolveParty(trx, input, now);
  const priority = input.priority ?? category.default_priority;
  const window = input.requestedWindow ? { start: Date.parse(input.requestedWindow.start), end: Date.parse(input.requestedWindow.end) } : null;

  const policies = await reference.activePolicies(trx);
  const policy = matchPolicy(policies, { priority, categoryId: category.id, customerId: customer.id, contractCode: customer.contractCode });
  const policyCalendar = policy ? await calendars.get(trx, policy.calendar_id) : null;
  const targets = policy
    ? planTargets({
        calendar: policyCalendar!,
        zoneMode: policy.zone_mode,
        siteTimeZone: site.timeZone,
        targets: await reference.policyTargets(trx, policy.id),
        startedAt: receivedAt,
        window,
      })
    : [];

  let contactId: string | null = null;
  if (input.contact) {
    contactId = newId('con');
    await trx
      .insertInto('contacts')
      .values({ id: contactId, customer_id: customer.id, site_id: site.id, name: input.contact.name, phone: input.contact.phone ?? null, email: input.contact.email ?? null })
      .execute();
  }
  const id = newId('wo');
  const number = await allocateOrderNumber(trx, now);
  const actorName = principal?.name ?? 'System';
  await insertOrder(trx, {
    id,
    number,
    request_id: null,
    customer_id: customer.id,
    site_id: site.id,
    contact_id: contactId,
    category_id: category.id,
    priority,
    status: 'new',
    description: input.description,
    error_codes_json: JSON.stringify(input.errorCodes ?? []),
    asset_json: input.asset ? JSON.stringify(input.asset) : null,
    diagnostics_json: JSON.stringify(input.diagnostics ?? {}),
    compliance_json: '{}',
    required_skills_json: JSON.stringify(requiredSkills),
    estimated_minutes: category.estimated_minutes,
    vehicle_capabilities_json: category.vehicle_capabilities_json,
    window_start_at: window?.start ?? null,
    window_end_at: window?.end ?? null,
    sla_policy_id: policy?.id ?? null,
    received_at: receivedAt,
    created_at: now,
    updated_at: now,
    updated_by: actorName,
  });
  let started: StartedClock[] = [];
  if (policy) {
    // Each clock derived before it is stored (its "started" timeline entry, its next instant to fire); a request
    // logged late may already be past a threshold, which the clock engine then fires, marked late.
    const basis = liveClockBasis(policy, policyCalendar!, site.timeZone);
    const orderWindow = { window_start_at: window?.start ?? null, window_end_at: window?.end ?? null };
    const clocks = targets.map((t) => {
      const row = newClockRow({ id: newId('clk'), workOrderId: id, policy, basis, plan: t, now });
      return { row, def: clockDefinition(row, basis, orderWindow) };
    });
    started = await startOrderClocks(trx, { orderId: id, number }, clocks, now);
  }
  await appendOrderEvent(trx, id, principal, now, {
    type: 'created',
    to: 'new',
    at: receivedAt,
    data: { channel: input.channel, idempotencyKey: input.idempotencyKey, policy: policy?.name ?? null, customerCreated: customer.created, siteCreated: site.created },
  }, true);
  const fields = JSON.parse(category.compliance_fields_json) as Category['complianceFields'];
  await appendAudit(trx, principal, now, {
    action: 'workOrder.created',
    entityType: 'work_order',
    entityId: id,
    after: { number, priority, category: category.code, customerId: customer.id, siteId: site.id, policyId: policy?.id ?? null, complianceFields: fields.length },
  });
  // The facts the proposal needs, as just written (what loadOrderForAssignment would read back).
  const facts = toAssignmentOrder({
    id,
    priority,
    site: { lat: site.lat, lon: site.lon },
    requiredSkills,
    estimatedMinutes: category.estimated_minutes,
    vehicleCapabilities: JSON.parse(category.vehicle_capabilities_json) as string[],
    arrivalDueAt: started.find((c) => c.metric === 'arrival')?.dueAt ?? null,
    preferredTechnicianId: customer.preferredTechnicianId,
    excludedTechnicianIds: [],
  });
  await proposeAssignment(trx, { orderId: id, principal, now, cache: roster, lastEventType: 'created', order: facts });
  const order = await readWorkOrder(trx, id);
  emit('workOrder.changed', { order: toSummary(order), change: 'created' });
  return order;
}

// Prepared: every request runs these (see prepareQuery).
const selectRequest = prepareQuery<{ key: string }, { body_hash: string; response_json: string | null }>((db, v) =>
  db.selectFrom('service_requests').select(['body_hash', 'response_json']).where('idempotency_key', '=', v.key),
);
const insertRequest = prepareInsert('service_requests', [
  'id', 'idempotency_key', 'body_hash', 'channel', 'received_at', 'created_at', 'payload_json', 'work_order_id', 'response_json',
]);
const insertOrder = prepareInsert('work_orders', [
  'id', 'number', 'request_id', 'customer_id', 'site_id', 'contact_id', 'category_id', 'priority', 'status', 'description', 'error_codes_json',
  'asset_json', 'diagnostics_json', 'compliance_json', 'required_skills_json', 'estimated_minutes', 'vehicle_capabilities_json',
  'window_start_at', 'window_end_at', 'sla_policy_id', 'received_at', 'created_at', 'updated_at', 'updated_by',
]);
