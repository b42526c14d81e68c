import { z } from 'zod';
import { Id, IsoInstant, Latitude, Longitude, Priority } from './common';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** A customer named by id, by the caller's external id, or inline (created on first use, found by external id after). */
export const CustomerRef = z
  .object({
    id: Id.optional(),
    externalId: Text(100).optional(),
    name: Text(200).optional(),
    contractCode: Text(50).optional(),
  })
  .strict()
  .refine((c) => c.id !== undefined || c.externalId !== undefined || c.name !== undefined, {
    message: 'give the customer id, externalId or an inline name',
  });

export const SiteRef = z
  .object({
    id: Id.optional(),
    externalId: Text(100).optional(),
    name: Text(200).optional(),
    address: Text(300).optional(),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
    timeZone: Text(64).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.id !== undefined) return;
    // A site the centre does not know yet must come with what a technician needs to drive there.
    for (const key of ['name', 'address', 'lat', 'lon'] as const) {
      if (s[key] === undefined && s.externalId === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `required for an inline site (or give the site id or externalId)` });
      }
    }
  });

export const ContactInput = z
  .object({ name: Text(200), phone: Text(50).optional(), email: z.email().max(200).optional() })
  .strict();

export const ServiceRequestInput = z
  .object({
    /** Also accepted as the `Idempotency-Key` header. Same key + same body → the first result; different body → 409. */
    idempotencyKey: Text(200),
    channel: z.enum(['web', 'mobile', 'api', 'manual']).default('api'),
    /** When the customer called; SLA clocks start here when given (a partner may log a call late). */
    receivedAt: IsoInstant.optional(),
    categoryCode: Text(50),
    priority: Priority.optional(),
    description: Text(4000),
    customer: CustomerRef,
    site: SiteRef,
    contact: ContactInput.optional(),
    asset: z.object({ tag: Text(100).optional(), model: Text(200).optional(), serial: Text(100).optional() }).strict().optional(),
    errorCodes: z.array(Text(50)).max(20).optional(),
    diagnostics: z.record(z.string().max(50), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
    requestedWindow: z
      .object({ start: IsoInstant, end: IsoInstant })
      .strict()
      .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'end must be after start', path: ['end'] })
      .optional(),
  })
  .strict();
export type ServiceRequestInput = z.infer<typeof ServiceRequestInput>;

export const SERVICE_REQUEST_EXAMPLE: z.input<typeof ServiceRequestInput> = {
  idempotencyKey: 'crm-4711-2026-11-25T08:15',
  channel: 'api',
  receivedAt: '2026-11-25T08:15:00+01:00',
  categoryCode: 'HVAC-FAIL',
  priority: 'P2',
  description: 'Air handling unit 3 trips on high pressure; server room at 29 °C.',
  customer: { externalId: 'CRM-0042', name: 'Harbourview Offices BV', contractCode: 'GOLD' },
  site: { externalId: 'CRM-0042-HQ', name: 'Harbourview HQ', address: 'Kade 12, Rivermouth', lat: 52.3731, lon: 4.8922 },
  contact: { name: 'Eva de Vries', phone: '+31 20 555 0101' },
  errorCodes: ['HP-TRIP'],
  diagnostics: { supplyTempC: 29, unit: 'AHU-3' },
};
