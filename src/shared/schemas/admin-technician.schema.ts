import { z } from 'zod';
import { WEEKDAYS, isKnownTimeZone } from './calendar.schema';
import { EpochMs, Id, Latitude, LocalTime, Longitude } from './common';
import { DisplayName, LowerCode, SkillLevel, StartTime, uniqueBy } from './admin-fields.schema';

/** Inputs of the workforce administration: technicians and their time off. */

export const TechnicianSkillInput = z.strictObject({
  skillCode: LowerCode,
  level: SkillLevel,
  /** The certification lapses at this instant; the skill no longer counts from then on (DOMAIN.md). */
  certifiedUntil: EpochMs.nullable().default(null),
});

/** A weekly shift in the technician's zone; an end at or before the start runs past midnight, as calendars do. */
export const ShiftInput = z.strictObject({ weekday: z.enum(WEEKDAYS), start: StartTime, end: LocalTime });

const TimeZone = z.string().min(1).refine(isKnownTimeZone, 'must be an IANA time zone, e.g. Europe/Amsterdam');

const technicianFields = {
  name: DisplayName,
  externalId: z.string().trim().min(1).max(100).nullable(),
  team: DisplayName,
  regionId: Id.nullable(),
  home: z.strictObject({ lat: Latitude, lon: Longitude }),
  /** Shifts are read in this zone; left out, it is derived from the home base's coordinates. */
  timeZone: TimeZone,
  dailyCapacityMinutes: z.number().int().min(0, 'must not be negative').max(24 * 60, 'at most a day (1440 minutes)'),
  skills: uniqueBy(TechnicianSkillInput, (s) => s.skillCode, 'skillCode', 'skill').max(50),
  vehicleId: Id.nullable(),
  shifts: z.array(ShiftInput).max(50),
  /** Inactive technicians stay in the records but are never proposed (their status becomes `unavailable`). */
  active: z.boolean(),
};

export const CreateTechnicianInput = z.strictObject({
  ...technicianFields,
  externalId: technicianFields.externalId.default(null),
  regionId: technicianFields.regionId.default(null),
  timeZone: TimeZone.optional(),
  skills: technicianFields.skills.default([]),
  vehicleId: technicianFields.vehicleId.default(null),
  shifts: technicianFields.shifts.default([]),
  active: z.boolean().default(true),
});
export const UpdateTechnicianInput = z.strictObject({ id: Id, ...z.strictObject(technicianFields).partial().shape });

export const AddTimeOffInput = z
  .strictObject({
    technicianId: Id,
    startsAt: EpochMs,
    endsAt: EpochMs,
    reason: z.string().trim().min(1).max(200),
  })
  .refine((t) => t.endsAt > t.startsAt, { message: 'must be after startsAt', path: ['endsAt'] });

export const ListTimeOffInput = z.strictObject({
  technicianId: Id.optional(),
  /** Only absences that end after this instant (default: all). */
  endingAfter: z.coerce.number().int().nonnegative().optional(),
});

export type CreateTechnicianInput = z.input<typeof CreateTechnicianInput>;
export type UpdateTechnicianInput = z.input<typeof UpdateTechnicianInput>;
export type AddTimeOffInput = z.input<typeof AddTimeOffInput>;
