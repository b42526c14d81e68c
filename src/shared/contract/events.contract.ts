import { z } from 'zod';
import { AlertEvent } from '../schemas/alerts.schema';
import { EpochMs, Id, Latitude, Longitude } from '../schemas/common';
import { ClockState, WorkOrderSummary } from '../schemas/work-order.schema';
import { VIEWERS } from '../roles';
import { defineEvent, type EventDef } from './define';
import { CorrectiveAction } from './reallocation.contract';
import type { Principal } from '../roles';

/** Live events, published by core after the transaction commits and forwarded by every host. */
/** A warning threshold or breach of one SLA clock, as it stands when the event fires. */
const SlaCrossing = z.object({
  orderId: Id,
  number: z.string(),
  clockId: Id,
  metric: z.enum(['response', 'arrival', 'resolution']),
  /** Percent elapsed of the warning; null for the breach. */
  threshold: z.number().nullable(),
  reachedAt: EpochMs,
  dueAt: EpochMs,
  elapsedSeconds: z.number().int().nonnegative(),
  percentElapsed: z.number(),
  state: ClockState,
  /** Fired after the fact (on start-up for an instant passed while the app was down, or learned late). */
  late: z.boolean(),
  firedAt: EpochMs,
});

export const events = {
  'technician.moved': defineEvent({
    summary: 'A technician reported a new position.',
    payload: z.object({ technicianId: Id, lat: Latitude, lon: Longitude, at: EpochMs }),
    roles: [...VIEWERS, 'technician'],
  }),
  'workOrder.changed': defineEvent({
    summary: 'A work order was created or changed; carries its new queue row.',
    payload: z.object({ order: WorkOrderSummary, change: z.string(), previousTechnicianId: z.string().nullable().optional() }),
    roles: [...VIEWERS, 'technician'],
    // A technician hears about their own orders only (including the one just taken from them), and not about a
    // proposal a dispatcher has not approved yet.
    audience: (payload, principal) =>
      principal.role !== 'technician' ||
      (payload.order.technicianId === principal.technicianId && payload.order.status !== 'assigned') ||
      payload.previousTechnicianId === principal.technicianId,
  }),
  'sla.warning': defineEvent({
    summary: 'An SLA clock reached a warning threshold (once per clock and threshold).',
    payload: SlaCrossing,
    roles: VIEWERS,
  }),
  'sla.breached': defineEvent({
    summary: 'An SLA clock ran past its due instant (once per clock).',
    payload: SlaCrossing,
    roles: VIEWERS,
  }),
  'alert.raised': defineEvent({
    summary: 'An alert was raised (an escalation level of an SLA clock, an anomaly); `desktop` asks for a desktop notification.',
    payload: AlertEvent,
    roles: VIEWERS,
  }),
  'alert.updated': defineEvent({
    summary: 'An alert was re-notified (a repeating level) or acknowledged.',
    payload: AlertEvent,
    roles: VIEWERS,
  }),
  'reference.changed': defineEvent({
    summary: 'Reference data (technicians, categories, policies, calendars, users, keys) changed.',
    payload: z.object({ entity: z.string(), id: z.string().nullable() }),
    roles: ['admin', 'manager', 'dispatcher', 'display'],
  }),
  'reallocation.applied': defineEvent({
    summary: 'A reallocation was applied (by a dispatcher or the automatic mode); the orders it changed have their own workOrder.changed events.',
    payload: z.object({ correctiveAction: CorrectiveAction, automatic: z.boolean() }),
    roles: VIEWERS,
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** Whether `principal` may receive this event: its role is listed and the event's audience filter agrees. */
export function canReceive(name: EventName, payload: unknown, principal: Principal): boolean {
  if (principal.kind === 'system') return true;
  const def = events[name] as EventDef;
  return def.roles.includes(principal.role) && (def.audience?.(payload, principal) ?? true);
}
