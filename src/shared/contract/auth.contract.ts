import { z } from 'zod';
import { Empty, EpochMs, Id } from '../schemas/common';
import { ROLES, SCOPES } from '../roles';
import { defineMethod } from './define';

const Me = z.object({
  kind: z.enum(['user', 'apiKey', 'system']),
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scopes: z.array(z.enum(SCOPES)),
  technicianId: z.string().nullable(),
});

export const authMethods = {
  'auth.login': defineMethod({
    summary: 'Exchange a username and password for a session token.',
    input: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
    output: z.object({ token: z.string(), expiresAt: EpochMs, user: z.object({ id: Id, username: z.string(), displayName: z.string(), role: z.enum(ROLES) }) }),
    roles: 'public',
    mutates: true,
    http: { method: 'POST', path: '/auth/login' },
  }),
  'auth.logout': defineMethod({
    summary: 'End the current session.',
    input: Empty,
    output: z.object({ ok: z.literal(true) }),
    roles: ['admin', 'manager', 'dispatcher', 'technician', 'display'],
    mutates: true,
    http: { method: 'POST', path: '/auth/logout' },
  }),
  'auth.me': defineMethod({
    summary: 'Who the caller is: role, scopes and, for technicians, their technician id.',
    input: Empty,
    output: Me,
    roles: ['admin', 'manager', 'dispatcher', 'technician', 'display'],
    scopes: [...SCOPES],
    mutates: false,
    http: { method: 'GET', path: '/auth/me' },
  }),
};
