import { z } from 'zod';
import { Id, IsoInstant, Priority } from '../schemas/common';
import { Candidate, IneligibleTechnician, WorkOrderDetail } from '../schemas/work-order.schema';
import { STAFF, VIEWERS, type Role } from '../roles';
import { defineMethod } from './define';

/** Every change names the version it was made on; a stale version is refused with 409 and the current state. */
const Versioned = z.strictObject({ id: Id, version: z.number().int().positive() });
const Reason = z.string().trim().min(1).max(500);
const ComplianceValues = z.record(z.string().max(50), z.union([z.string().max(2000), z.number(), z.boolean()]));
/** Technicians and execution engines report progress with the time it happened, which may be earlier than now. */
const TechAction = z.strictObject({ id: Id, at: IsoInstant.optional() });
const FIELD_ROLES: readonly Role[] = ['technician', 'admin', 'dispatcher'];

/** A dispatcher's decision: staff only, never an integration key. */
const action = <I extends z.ZodType>(summary: string, input: I, path: string) =>
  defineMethod({ summary, input, output: WorkOrderDetail, roles: STAFF, mutates: true, http: { method: 'POST', path } });

/** Field progress: the assigned technician, staff on their behalf, or an execution engine with `telemetry:write`. */
const fieldAction = <I extends z.ZodType>(summary: string, input: I, path: string) =>
  defineMethod({ summary, input, output: WorkOrderDetail, roles: FIELD_ROLES, scopes: ['telemetry:write'], mutates: true, http: { method: 'POST', path } });

export const workOrderActionMethods = {
  'workOrders.get': defineMethod({
    summary: 'One work order with SLA targets, assignment, compliance state and its full event history.',
    input: z.object({ id: Id }).strict(),
    output: WorkOrderDetail,
    roles: [...VIEWERS, 'technician'],
    scopes: ['work-orders:read'],
    mutates: false,
    http: { method: 'GET', path: '/work-orders/{id}' },
  }),
  'workOrders.candidates': defineMethod({
    summary: 'Ranked eligible technicians for an order with every score term, and why the others are not eligible.',
    input: z.object({ id: Id, limit: z.coerce.number().int().min(1).max(50).default(5) }).strict(),
    output: z.object({ ranked: z.array(Candidate), ineligible: z.array(IneligibleTechnician) }),
    roles: STAFF,
    mutates: false,
    http: { method: 'GET', path: '/work-orders/{id}/candidates' },
  }),
  'workOrders.approve': action('Approve the proposed technician: the order is dispatched and the technician notified.', Versioned, '/work-orders/{id}/approve'),
  'workOrders.assign': action(
    'Assign (or reassign) a technician by hand; dispatches at once unless `dispatch` is false.',
    Versioned.extend({ technicianId: Id, dispatch: z.boolean().default(true) }),
    '/work-orders/{id}/assign',
  ),
  'workOrders.update': action(
    'Edit an open order: priority, description, estimated duration.',
    Versioned.extend({ priority: Priority.optional(), description: Reason.optional(), estimatedMinutes: z.number().int().min(5).max(24 * 60).optional() }),
    '/work-orders/{id}/update',
  ),
  'workOrders.cancel': action('Cancel an order that is not completed; its running SLA clocks are cancelled.', Versioned.extend({ reason: Reason }), '/work-orders/{id}/cancel'),
  'workOrders.close': action(
    'Close a completed order once every compliance field is filled; staff may supply the ones still missing (e.g. the customer signature taken on paper).',
    Versioned.extend({ compliance: ComplianceValues.optional() }),
    '/work-orders/{id}/close',
  ),
  'workOrders.reopen': action(
    'Reopen a completed order whose fix did not hold (within the policy’s reopen window): back to new, resolution clock resumes.',
    Versioned.extend({ reason: Reason }),
    '/work-orders/{id}/reopen',
  ),
  'workOrders.accept': fieldAction('The technician accepts the dispatched order.', TechAction, '/work-orders/{id}/accept'),
  'workOrders.reject': fieldAction('The technician rejects it: back to new for reassignment, this technician excluded.', TechAction.extend({ reason: Reason }), '/work-orders/{id}/reject'),
  'workOrders.progress': fieldAction(
    'Report en route, on site or completed (with the compliance fields the category requires for that step).',
    TechAction.extend({ status: z.enum(['en_route', 'on_site', 'completed']), compliance: ComplianceValues.optional(), note: Reason.optional() }),
    '/work-orders/{id}/progress',
  ),
  'workOrders.hold': fieldAction(
    'Put an accepted, en-route or on-site order on hold with a reason (e.g. waiting_customer, waiting_parts).',
    TechAction.extend({ reason: z.string().trim().min(1).max(50).regex(/^[a-z_]+$/, 'a reason code like waiting_parts') }),
    '/work-orders/{id}/hold',
  ),
  'workOrders.resume': fieldAction('Resume an order on hold: it returns to the state it left.', TechAction, '/work-orders/{id}/resume'),
};
