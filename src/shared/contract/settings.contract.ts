import { z } from 'zod';
import { Empty } from '../schemas/common';
import { STAFF } from '../roles';
import { defineMethod } from './define';

/** `auto` dispatches the best candidate at once; `approve` proposes and waits for a dispatcher. */
export const DispatchSettingsSchema = z.strictObject({
  mode: z.enum(['auto', 'approve']),
  acceptTimeoutSeconds: z.number().int().min(60).max(86_400),
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
};
