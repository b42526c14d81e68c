import { z } from 'zod';
import { EpochMs, Id } from './common';
import { DisplayName } from './admin-fields.schema';

/** People who sign in: their records and the inputs that create and change them. */

export const UserRole = z.enum(['admin', 'manager', 'dispatcher', 'technician', 'display']);

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: UserRole,
  technicianId: z.string().nullable(),
  active: z.boolean(),
  createdAt: EpochMs,
});
export type User = z.infer<typeof User>;

export const Password = z.string().min(8, 'at least 8 characters').max(200);

export const CreateUserInput = z.strictObject({
  username: z.string().min(2).max(64).regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, dot, dash, underscore'),
  displayName: DisplayName,
  role: UserRole,
  password: Password,
  technicianId: Id.optional(),
});

/**
 * The username is the sign-in name others know and is fixed. A technician user acts for the technician it is linked
 * to; `technicianId: null` unlinks it. Deactivating a user refuses its sessions from then on.
 */
export const UpdateUserInput = z.strictObject({
  id: Id,
  displayName: DisplayName.optional(),
  role: UserRole.optional(),
  technicianId: Id.nullable().optional(),
  active: z.boolean().optional(),
});

/** Sets a new password and ends every session of the user. */
export const ResetPasswordInput = z.strictObject({ id: Id, password: Password });

export type CreateUserInput = z.input<typeof CreateUserInput>;
export type UpdateUserInput = z.input<typeof UpdateUserInput>;
