import { z } from 'zod';
import { EpochMs, Id, Priority } from './common';

export const WORK_ORDER_STATUSES = [
  'new',
  'assigned',
  'dispatched',
  'accepted',
  'en_route',
  'on_site',
  'on_hold',
  'completed',
  'closed',
  'cancelled',
] as const;
export const WorkOrderStatus = z.enum(WORK_ORDER_STATUSES);

/** Orders still in the dispatch queue or in the field: everything before completed, closed or cancelled. */
export const OPEN_WORK_ORDER_STATUSES = ['new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'] as const;
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

/** The row shape of the dispatch queue; the full order with history is a separate method. */
export const WorkOrderSummary = z.object({
  id: Id,
  number: z.string(),
  status: WorkOrderStatus,
  priority: Priority,
  categoryCode: z.string(),
  customerName: z.string(),
  siteName: z.string(),
  regionId: z.string().nullable(),
  technicianId: z.string().nullable(),
  receivedAt: EpochMs,
  updatedAt: EpochMs,
  /** Who made the last change (a dispatcher, a technician, an integration, the system). */
  updatedBy: z.string(),
  version: z.number().int(),
  estimatedMinutes: z.number().int(),
  site: z.object({ lat: z.number(), lon: z.number() }),
  /** The next SLA instant that matters: the earliest due time of a clock still running (or breached), if any. */
  nextDue: z.object({ metric: z.enum(['response', 'arrival', 'resolution']), dueAt: EpochMs }).nullable(),
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;

export const ClockState = z.enum(['running', 'paused', 'met', 'breached', 'missed', 'cancelled']);

export const SlaTargetState = z.object({
  metric: z.enum(['response', 'arrival', 'resolution']),
  targetSeconds: z.number().int().nonnegative(),
  startedAt: EpochMs,
  dueAt: EpochMs.nullable(),
  state: ClockState,
  stoppedAt: EpochMs.nullable(),
});

/** One term of the assignment objective, so the dispatcher sees exactly why a technician ranks where it does. */
export const ScoreTerm = z.object({ term: z.string(), cost: z.number(), detail: z.string() });

export const Candidate = z.object({
  technicianId: Id,
  technicianName: z.string(),
  score: z.number(),
  terms: z.array(ScoreTerm),
  reasons: z.array(z.string()),
});
export type Candidate = z.infer<typeof Candidate>;

export const IneligibleTechnician = z.object({
  technicianId: Id,
  technicianName: z.string(),
  violations: z.array(z.object({ constraint: z.string(), message: z.string() })),
});

export const ComplianceState = z.object({
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  missing: z.array(z.object({ key: z.string(), label: z.string(), requiredFor: z.string() })),
});

export const WorkOrderEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  fromStatus: WorkOrderStatus.nullable(),
  toStatus: WorkOrderStatus.nullable(),
  at: EpochMs,
  recordedAt: EpochMs,
  actor: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
  data: z.record(z.string(), z.unknown()),
});
export type WorkOrderEvent = z.infer<typeof WorkOrderEvent>;

export const WorkOrderDetail = WorkOrderSummary.extend({
  categoryName: z.string(),
  description: z.string(),
  customerId: Id,
  siteId: Id,
  site: z.object({ name: z.string(), address: z.string(), lat: z.number(), lon: z.number(), timeZone: z.string().nullable() }),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  asset: z.record(z.string(), z.string()).nullable(),
  errorCodes: z.array(z.string()),
  diagnostics: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  requiredSkills: z.array(z.object({ skillCode: z.string(), minLevel: z.number().int() })),
  vehicleCapabilities: z.array(z.string()),
  window: z.object({ start: EpochMs, end: EpochMs }).nullable(),
  holdReason: z.string().nullable(),
  compliance: ComplianceState,
  sla: z.object({ policyId: Id, policyName: z.string(), targets: z.array(SlaTargetState) }).nullable(),
  assignment: Candidate.extend({ proposedAt: EpochMs, mode: z.enum(['auto', 'approve', 'manual', 'batch']) }).nullable(),
  excludedTechnicianIds: z.array(Id),
  createdAt: EpochMs,
  events: z.array(WorkOrderEvent).optional(),
});
export type WorkOrderDetail = z.infer<typeof WorkOrderDetail>;
