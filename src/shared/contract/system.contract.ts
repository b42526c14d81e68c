import { z } from 'zod';
import { Empty } from '../schemas/common';
import { defineMethod } from './define';
import { VIEWERS } from '../roles';
import { EpochMs } from '../schemas/common';

export const SystemInfo = z.object({
  product: z.string(),
  version: z.string(),
  startedAt: z.number().int(),
  now: z.number().int(),
  demo: z.boolean(),
  counts: z.object({
    technicians: z.number().int(),
    customers: z.number().int(),
    sites: z.number().int(),
    categories: z.number().int(),
    slaPolicies: z.number().int(),
    openWorkOrders: z.number().int(),
  }),
});

export const systemMethods = {
  'system.info': defineMethod({
    summary: 'Product version, server time and the size of the centre.',
    input: Empty,
    output: SystemInfo,
    roles: [...VIEWERS, 'technician'],
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/system/info' },
  }),
  'system.backup': defineMethod({
    summary:
      "Online backup of the centre's database into the data folder's backups/ (consistent while the centre keeps working, checked before it is reported). Restore with `npm run restore` while the centre is stopped.",
    input: Empty,
    output: z.object({ file: z.string(), bytes: z.number().int(), createdAt: EpochMs }),
    roles: ['admin'],
    mutates: true,
    http: { method: 'POST', path: '/system/backup' },
  }),
};
