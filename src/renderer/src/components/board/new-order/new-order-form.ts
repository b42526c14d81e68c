import type { Priority } from '@shared/schemas/common';
import type { Customer } from '@shared/schemas/reference.schema';
import type { FieldErrors } from '../../../composables/useContractForm';

export interface NewOrderForm {
  categoryCode: string | null;
  priority: Priority | null;
  customer: Customer | null;
  siteId: string | null;
  description: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  window: [number, number] | null;
}

export const blankForm = (): NewOrderForm => ({
  categoryCode: null,
  priority: null,
  customer: null,
  siteId: null,
  description: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  window: null,
});

const optional = (text: string): string | undefined => text.trim() || undefined;

/** The form as a `serviceRequests.create` input, left for the contract's schema to judge. */
export function toRequest(form: NewOrderForm, idempotencyKey: string): Record<string, unknown> {
  const contact = { name: form.contactName.trim(), phone: optional(form.contactPhone), email: optional(form.contactEmail) };
  const hasContact = contact.name || contact.phone || contact.email;
  return {
    idempotencyKey,
    channel: 'manual',
    categoryCode: form.categoryCode ?? '',
    ...(form.priority ? { priority: form.priority } : {}),
    description: form.description,
    customer: form.customer ? { id: form.customer.id } : {},
    site: form.siteId ? { id: form.siteId } : {},
    ...(hasContact ? { contact } : {}),
    ...(form.window ? { requestedWindow: { start: new Date(form.window[0]).toISOString(), end: new Date(form.window[1]).toISOString() } } : {}),
  };
}

/** The schema speaks about inline customers and sites; this form only picks known ones, so it says so. */
const FIELD_OF: [RegExp, string, string | null][] = [
  [/^customer(\.|$)/, 'customer', 'Choose a customer'],
  [/^site(\.|$)/, 'site', 'Choose one of the customer’s sites'],
  [/^requestedWindow(\.|$)/, 'window', null],
  [/^contact$/, 'contactName', null],
  [/^contact\.name$/, 'contactName', 'Give the contact’s name, or leave the contact empty'],
  [/^contact\.phone$/, 'contactPhone', null],
  [/^contact\.email$/, 'contactEmail', 'Not an e-mail address'],
];

/** Errors by the schema's paths (client or server) onto this form's fields. */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const rule = FIELD_OF.find(([pattern]) => pattern.test(path));
    const field = rule ? rule[1] : path;
    out[field] ??= rule?.[2] ?? message;
  }
  return out;
}
