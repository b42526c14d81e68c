import { z } from 'zod';
import { EpochMs, Id, Latitude, Longitude } from '../schemas/common';
import { WorkOrderSummary } from '../schemas/work-order.schema';
import { VIEWERS } from '../roles';
import { defineEvent } from './define';

/** Live events, published by core after the transaction commits and forwarded by every host. */
export const events = {
  'technician.moved': defineEvent({
    summary: 'A technician reported a new position.',
    payload: z.object({ technicianId: Id, lat: Latitude, lon: Longitude, at: EpochMs }),
    roles: [...VIEWERS, 'technician'],
  }),
  'workOrder.changed': defineEvent({
    summary: 'A work order was created or changed; carries its new queue row.',
    payload: z.object({ order: WorkOrderSummary, change: z.string() }),
    roles: [...VIEWERS, 'technician'],
  }),
  'reference.changed': defineEvent({
    summary: 'Reference data (technicians, categories, policies, calendars, users, keys) changed.',
    payload: z.object({ entity: z.string(), id: z.string().nullable() }),
    roles: ['admin', 'manager', 'dispatcher'],
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
