import { z } from 'zod';
import { Empty } from '../schemas/common';
import { STAFF } from '../roles';
import { defineMethod } from './define';

/** `auto` dispatches the best candidate at once; `approve` proposes and waits for a dispatcher. */
export const DispatchSettingsSchema = z.strictObject({
  mode: z.enum(['auto', 'approve']),
  acceptTimeoutSeconds: z.number().int().min(60).max(86_400),
});

/** `auto` lets the scheduled job apply the best reallocation per at-risk order; `propose` waits for a dispatcher. */
export const ReallocationSettingsSchema = z.strictObject({
  mode: z.enum(['propose', 'auto']),
  /** The automatic mode leaves an order alone this long after a dispatcher changed it. */
  recentEditMinutes: z.number().int().min(0).max(1440),
});

export const settingsMethods = {
  'settings.getDispatch': defineMethod({
    summary: 'How orders are dispatched and how long a technician has to accept.',
    input: Empty,
    output: DispatchSettingsSchema,
    roles: STAFF,
    mutates: false,
    http: { method: 'GET', path: '/settings/dispatch' },
  }),
  'settings.setDispatch': defineMethod({
    summary: 'Change the dispatch mode or the acceptance timeout.',
    input: DispatchSettingsSchema,
    output: DispatchSettingsSchema,
    roles: ['admin'],
    mutates: true,
    http: { method: 'PUT', path: '/settings/dispatch' },
  }),
  'settings.getReallocation': defineMethod({
    summary: 'Whether at-risk orders are reallocated automatically, and how long a dispatcher’s change protects an order from it.',
    input: Empty,
    output: ReallocationSettingsSchema,
    roles: ['admin', 'manager'],
    mutates: false,
    http: { method: 'GET', path: '/settings/reallocation' },
  }),
  'settings.setReallocation': defineMethod({
    summary: 'Switch reallocation between `propose` and `auto`, or change the protection after a dispatcher’s change.',
    input: ReallocationSettingsSchema,
    output: ReallocationSettingsSchema,
    roles: ['admin', 'manager'],
    mutates: true,
    http: { method: 'PUT', path: '/settings/reallocation' },
  }),
};
