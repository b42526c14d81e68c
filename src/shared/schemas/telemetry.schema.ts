import { z } from 'zod';
import { Id, IsoInstant, Latitude, Longitude } from './common';

const EventId = z.string().trim().min(1).max(200);

/** A GPS fix from a vehicle tracker or the technician app. */
export const PositionEvent = z.strictObject({
  eventId: EventId,
  type: z.literal('position'),
  technicianId: Id,
  at: IsoInstant,
  lat: Latitude,
  lon: Longitude,
  accuracyM: z.number().nonnegative().max(100_000).optional(),
  speedKmh: z.number().nonnegative().max(300).optional(),
});

/** Progress reported by an execution engine or the technician app, with the time it happened. */
export const StatusEvent = z.strictObject({
  eventId: EventId,
  type: z.literal('status'),
  workOrderId: Id,
  at: IsoInstant,
  status: z.enum(['accepted', 'rejected', 'en_route', 'on_site', 'on_hold', 'resumed', 'completed']),
  reason: z.string().trim().min(1).max(500).optional(),
  compliance: z.record(z.string().max(50), z.union([z.string().max(2000), z.number(), z.boolean()])).optional(),
});

export const TelemetryEvent = z.discriminatedUnion('type', [PositionEvent, StatusEvent]);
export type TelemetryEvent = z.infer<typeof TelemetryEvent>;

export const TelemetryResult = z.object({
  eventId: z.string(),
  /** applied; duplicate (this event id was seen before); stale (an older position than the one known); refused. */
  outcome: z.enum(['applied', 'duplicate', 'stale', 'refused']),
  status: z.number().int(),
  detail: z.string().nullable(),
});
