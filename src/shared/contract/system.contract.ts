import { z } from 'zod';
import { Empty } from '../schemas/common';
import { defineMethod } from './define';
import { VIEWERS } from '../roles';

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
};
