import { z } from 'zod';
import { EpochMs, Id, Latitude, Longitude } from '../schemas/common';
import { TelemetryEvent, TelemetryResult } from '../schemas/telemetry.schema';
import { defineMethod } from './define';

export const TELEMETRY_MAX_EVENTS = 10_000;

export const telemetryMethods = {
  'technicians.reportPosition': defineMethod({
    summary: "A GPS ping: updates the technician's last known position. Technicians may only report their own.",
    input: z
      .object({
        technicianId: Id,
        lat: Latitude,
        lon: Longitude,
        at: EpochMs,
        accuracyM: z.number().nonnegative().max(100_000).optional(),
      })
      .strict(),
    output: z.object({ technicianId: Id, lat: Latitude, lon: Longitude, at: EpochMs, applied: z.boolean() }),
    roles: ['admin', 'dispatcher', 'technician'],
    scopes: ['telemetry:write'],
    mutates: true,
    http: { method: 'POST', path: '/technicians/{technicianId}/position' },
  }),
  'telemetry.ingest': defineMethod({
    summary:
      'Status events and GPS pings from execution engines and the technician app, idempotent by `eventId`, with a result per event. ' +
      `Send one JSON event (as \`{"events":[…]}\`) or NDJSON with one event per line (up to ${TELEMETRY_MAX_EVENTS}). Status events move the order with their own event time; late events re-evaluate its SLA clocks.`,
    input: z.strictObject({ events: z.array(TelemetryEvent).min(1).max(TELEMETRY_MAX_EVENTS) }),
    output: z.object({ results: z.array(TelemetryResult), applied: z.number().int(), duplicates: z.number().int(), refused: z.number().int() }),
    roles: ['admin', 'dispatcher', 'technician'],
    scopes: ['telemetry:write'],
    mutates: true,
    http: { method: 'POST', path: '/telemetry', ndjsonBatch: { maxLines: TELEMETRY_MAX_EVENTS, collect: 'events' } },
  }),
};
