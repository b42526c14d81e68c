import { z } from 'zod';
import { EpochMs, Id, Latitude, Longitude } from '../schemas/common';
import { defineMethod } from './define';

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
};
