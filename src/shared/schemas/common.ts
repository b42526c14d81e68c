import { z } from 'zod';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'must be an identifier');
export const IsoInstant = z.iso.datetime({ offset: true });
/** Epoch milliseconds UTC, the storage and wire form of instants inside the app. */
export const EpochMs = z.number().int().nonnegative();
export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const LocalTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a local time HH:MM');
export const Priority = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof Priority>;

export const GeoPoint = z.object({ lat: Latitude, lon: Longitude });
export type GeoPoint = z.infer<typeof GeoPoint>;

export const Empty = z.object({}).strict();

/** Cursor paging shared by every list method. */
export const PageInput = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
