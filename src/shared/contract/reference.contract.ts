import { z } from 'zod';
import { Empty, PageInput, page } from '../schemas/common';
import { CalendarRecord, Category, Customer, Region, Skill, SlaPolicy, Technician } from '../schemas/reference.schema';
import { STAFF, VIEWERS } from '../roles';
import { defineMethod } from './define';

export const referenceMethods = {
  'regions.list': defineMethod({
    summary: 'Regions of the service area.',
    input: Empty,
    output: z.array(Region),
    roles: [...VIEWERS, 'technician'],
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/regions' },
  }),
  'skills.list': defineMethod({
    summary: 'Skills technicians can hold and categories can require.',
    input: Empty,
    output: z.array(Skill),
    roles: STAFF,
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/skills' },
  }),
  'categories.list': defineMethod({
    summary: 'Work categories: required skills, estimated duration, vehicle needs, compliance fields.',
    input: Empty,
    output: z.array(Category),
    roles: [...STAFF, 'technician'],
    scopes: ['reference:read', 'requests:write'],
    mutates: false,
    http: { method: 'GET', path: '/categories' },
  }),
  'technicians.list': defineMethod({
    summary: 'Technicians with skills, status, vehicle, shifts and last known position (a technician sees only themself).',
    input: Empty,
    output: z.array(Technician),
    roles: [...VIEWERS, 'technician'],
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/technicians' },
  }),
  'customers.list': defineMethod({
    summary: 'Customers with their sites, paged by name.',
    input: PageInput.extend({ search: z.string().max(100).optional() }).strict(),
    output: page(Customer),
    roles: STAFF,
    scopes: ['reference:read', 'requests:write'],
    mutates: false,
    http: { method: 'GET', path: '/customers' },
  }),
  'calendars.list': defineMethod({
    summary: 'Business calendars with weekly hours, holidays and overrides.',
    input: Empty,
    output: z.array(CalendarRecord),
    roles: ['admin', 'manager', 'dispatcher'],
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/calendars' },
  }),
  'slaPolicies.list': defineMethod({
    summary: 'SLA policies with their match rules, calendar and targets.',
    input: Empty,
    output: z.array(SlaPolicy),
    roles: ['admin', 'manager', 'dispatcher'],
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/sla-policies' },
  }),
};
