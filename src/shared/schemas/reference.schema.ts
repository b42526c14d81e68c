import { z } from 'zod';
import { EpochMs, Id, Latitude, Longitude, Priority } from './common';
import { Calendar } from './calendar.schema';

/** A GeoJSON linear ring of [lon, lat] positions (WGS 84, RFC 7946), closed: the first position repeated last. */
const LinearRing = z
  .array(z.tuple([Longitude, Latitude], z.number()))
  .min(4)
  .refine((ring) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1], 'a ring must end where it starts');
/** A region's boundary: a GeoJSON Polygon or MultiPolygon geometry, shipped with the data (the map needs no tiles). */
export const RegionBoundary = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(LinearRing).min(1)).min(1) }),
]);
export type RegionBoundary = z.infer<typeof RegionBoundary>;

export const Region = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  center: z.object({ lat: Latitude, lon: Longitude }),
  /** Null where the region has no boundary (the map then draws a plain grid). */
  boundary: RegionBoundary.nullable(),
});
export type Region = z.infer<typeof Region>;

export const Skill = z.object({ id: Id, code: z.string(), name: z.string() });
export type Skill = z.infer<typeof Skill>;

export const ComplianceField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['text', 'number', 'boolean', 'select']),
  options: z.array(z.string()).optional(),
  requiredFor: z.enum(['on_site', 'completed', 'closed']),
});

export const DiagnosticParam = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['text', 'number', 'boolean', 'select']),
  unit: z.string().optional(),
});

export const Category = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  defaultPriority: Priority,
  estimatedMinutes: z.number().int(),
  requiredSkills: z.array(z.object({ skillCode: z.string(), minLevel: z.number().int().min(1).max(5) })),
  vehicleCapabilities: z.array(z.string()),
  complianceFields: z.array(ComplianceField),
  diagnosticParams: z.array(DiagnosticParam),
  active: z.boolean(),
});
export type Category = z.infer<typeof Category>;

export const TechnicianStatus = z.enum(['available', 'busy', 'off_shift', 'unavailable']);
export const VehicleStatus = z.enum(['in_service', 'maintenance', 'out_of_service']);

export const Vehicle = z.object({
  id: Id,
  registration: z.string(),
  label: z.string(),
  status: VehicleStatus,
  capabilities: z.array(z.string()),
  /** The technician driving it, if any (a vehicle belongs to one technician at a time). */
  technicianId: z.string().nullable(),
});
export type Vehicle = z.infer<typeof Vehicle>;

export const Technician = z.object({
  id: Id,
  externalId: z.string().nullable(),
  name: z.string(),
  team: z.string(),
  regionId: z.string().nullable(),
  status: TechnicianStatus,
  home: z.object({ lat: Latitude, lon: Longitude }),
  position: z.object({ lat: Latitude, lon: Longitude, at: EpochMs }).nullable(),
  dailyCapacityMinutes: z.number().int(),
  skills: z.array(z.object({ skillCode: z.string(), level: z.number().int(), certifiedUntil: EpochMs.nullable() })),
  vehicle: z
    .object({ id: Id, registration: z.string(), label: z.string(), status: VehicleStatus, capabilities: z.array(z.string()) })
    .nullable(),
  shifts: z.array(z.object({ weekday: z.string(), start: z.string(), end: z.string() })),
  /** The zone the shifts are read in. */
  timeZone: z.string(),
  /** An inactive technician (left, long absence) is kept for history but never proposed. */
  active: z.boolean(),
});
export type Technician = z.infer<typeof Technician>;

export const TimeOff = z.object({ id: Id, technicianId: Id, startsAt: EpochMs, endsAt: EpochMs, reason: z.string() });
export type TimeOff = z.infer<typeof TimeOff>;

export const Customer = z.object({
  id: Id,
  externalId: z.string().nullable(),
  name: z.string(),
  contractCode: z.string().nullable(),
  sites: z.array(
    z.object({
      id: Id,
      name: z.string(),
      address: z.string(),
      lat: Latitude,
      lon: Longitude,
      regionId: z.string().nullable(),
    }),
  ),
});
export type Customer = z.infer<typeof Customer>;

export const Holiday = z.object({ date: z.string(), name: z.string() });
export type Holiday = z.infer<typeof Holiday>;

/** `calendar.holidays` holds the dates the SLA engine reads; `namedHolidays` the same dates with their names. */
export const CalendarRecord = z.object({ id: Id, name: z.string(), calendar: Calendar, namedHolidays: z.array(Holiday) });
export type CalendarRecord = z.infer<typeof CalendarRecord>;

export const SlaMetric = z.enum(['response', 'arrival', 'resolution']);
export type SlaMetric = z.infer<typeof SlaMetric>;

export const SlaPolicy = z.object({
  id: Id,
  name: z.string(),
  rank: z.number().int(),
  match: z.object({
    priority: Priority.nullable(),
    categoryId: z.string().nullable(),
    customerId: z.string().nullable(),
    contractCode: z.string().nullable(),
  }),
  calendarId: Id,
  zoneMode: z.enum(['calendar', 'site']),
  targets: z.array(z.object({ metric: SlaMetric, targetSeconds: z.number().int().nonnegative() })),
  warningThresholds: z.array(z.number()),
  pausingReasons: z.array(z.string()),
  /** How long after completion a reopen still counts as the same order (seconds). */
  reopenWindowSeconds: z.number().int().nonnegative(),
  escalationProtocolId: z.string().nullable(),
  active: z.boolean(),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;
