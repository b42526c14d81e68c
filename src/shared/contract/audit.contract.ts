import { z } from 'zod';
import { Empty } from '../schemas/common';
import { defineMethod } from './define';

export const auditMethods = {
  'audit.verify': defineMethod({
    summary: 'Walks the hash-chained audit log from its first entry to its last and reports whether it verifies, or the first broken entry.',
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      count: z.number().int(),
      firstHash: z.string().nullable(),
      lastHash: z.string().nullable(),
      brokenAt: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).nullable(),
    }),
    roles: ['admin', 'manager'],
    mutates: false,
    http: { method: 'GET', path: '/audit/verify' },
  }),
};
