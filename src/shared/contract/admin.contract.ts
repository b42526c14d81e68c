import { z } from 'zod';
import { Empty, EpochMs, Id } from '../schemas/common';
import { CreateUserInput, ResetPasswordInput, UpdateUserInput, User } from '../schemas/admin-users.schema';
import { ROLES, SCOPES } from '../roles';
import { defineMethod } from './define';

export { User };

export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['integration', 'device', 'display', 'admin']),
  prefix: z.string(),
  role: z.enum(ROLES),
  scopes: z.array(z.enum(SCOPES)),
  technicianId: z.string().nullable(),
  createdAt: EpochMs,
  expiresAt: EpochMs.nullable(),
  revokedAt: EpochMs.nullable(),
  lastUsedAt: EpochMs.nullable(),
});

const CreateApiKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('integration'), name: z.string().min(1).max(100), scopes: z.array(z.enum(SCOPES)).min(1) }).strict(),
  z.object({ kind: z.literal('device'), name: z.string().min(1).max(100), technicianId: Id }).strict(),
  z.object({ kind: z.literal('display'), name: z.string().min(1).max(100) }).strict(),
]);

export const adminMethods = {
  'users.list': defineMethod({
    summary: 'Every user account.',
    input: Empty,
    output: z.array(User),
    roles: ['admin'],
    mutates: false,
    http: { method: 'GET', path: '/users' },
  }),
  'users.create': defineMethod({
    summary: 'Create a user with a role and an initial password.',
    input: CreateUserInput,
    output: User,
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/users', successStatus: 201 },
  }),
  'users.update': defineMethod({
    summary: 'Change a user\'s display name, role, linked technician or active flag (the username is fixed).',
    input: UpdateUserInput,
    output: User,
    roles: ['admin'],
    mutates: true,
    http: { method: 'PATCH', path: '/users/{id}' },
  }),
  'users.resetPassword': defineMethod({
    summary: 'Set a new password for a user and end all of their sessions.',
    input: ResetPasswordInput,
    output: User,
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/users/{id}/reset-password' },
  }),
  'apiKeys.list': defineMethod({
    summary: 'Every API key (never the secret).',
    input: Empty,
    output: z.array(ApiKey),
    roles: ['admin'],
    mutates: false,
    http: { method: 'GET', path: '/api-keys' },
  }),
  'apiKeys.create': defineMethod({
    summary: 'Create an integration key with scopes, a technician device token or a wall display token. The secret is returned once.',
    input: CreateApiKey,
    output: z.object({ key: ApiKey, secret: z.string() }),
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/api-keys', successStatus: 201 },
  }),
  'apiKeys.revoke': defineMethod({
    summary: 'Revoke a key; it is refused from then on.',
    input: z.object({ id: Id }).strict(),
    output: ApiKey,
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/api-keys/{id}/revoke' },
  }),
};
