import { z } from 'zod';
import { Empty } from '../schemas/common';
import { IdInput } from '../schemas/admin-fields.schema';
import {
  CreateCategoryInput,
  CreateSkillInput,
  CreateVehicleInput,
  UpdateCategoryInput,
  UpdateSkillInput,
  UpdateVehicleInput,
} from '../schemas/admin-catalog.schema';
import { Category, Skill, Vehicle } from '../schemas/reference.schema';
import { STAFF } from '../roles';
import { defineMethod } from './define';

/**
 * Administration of the catalogue: skills, work categories, vehicles. Admins, and integration keys with
 * `reference:write` (an HR or fleet system keeping the centre in sync); every change is audited.
 */
const WRITE = { roles: ['admin'], scopes: ['reference:write'], mutates: true } as const;

export const referenceAdminCatalogMethods = {
  'skills.create': defineMethod({
    summary: 'Create a skill technicians can hold and categories can require. Its code is fixed once created.',
    input: CreateSkillInput,
    output: Skill,
    ...WRITE,
    http: { method: 'POST', path: '/skills', successStatus: 201 },
    example: { code: 'solar', name: 'Solar panels' },
  }),
  'skills.update': defineMethod({
    summary: 'Rename a skill.',
    input: UpdateSkillInput,
    output: Skill,
    ...WRITE,
    http: { method: 'PATCH', path: '/skills/{id}' },
  }),
  'skills.delete': defineMethod({
    summary: 'Delete a skill no technician holds and no category requires (409 says which do).',
    input: IdInput,
    output: Skill,
    ...WRITE,
    http: { method: 'DELETE', path: '/skills/{id}' },
  }),
  'categories.create': defineMethod({
    summary: 'Create a work category: required skills, estimated duration, vehicle needs, compliance fields, diagnostics.',
    input: CreateCategoryInput,
    output: Category,
    ...WRITE,
    http: { method: 'POST', path: '/categories', successStatus: 201 },
    example: {
      code: 'SOLAR-FAULT',
      name: 'Solar installation fault',
      defaultPriority: 'P3',
      estimatedMinutes: 90,
      requiredSkills: [{ skillCode: 'electrical', minLevel: 2 }],
      vehicleCapabilities: ['van', 'ladder'],
      complianceFields: [{ key: 'isolation_verified', label: 'Isolation verified', type: 'boolean', requiredFor: 'on_site' }],
      diagnosticParams: [{ key: 'inverter_code', label: 'Inverter error code', type: 'text' }],
    },
  }),
  'categories.update': defineMethod({
    summary: 'Change a category (the code is fixed). Orders already created keep the scope they were given.',
    input: UpdateCategoryInput,
    output: Category,
    ...WRITE,
    http: { method: 'PATCH', path: '/categories/{id}' },
  }),
  'categories.delete': defineMethod({
    summary: 'Delete a category no order, request or policy refers to (409 says which do; retire it with active: false).',
    input: IdInput,
    output: Category,
    ...WRITE,
    http: { method: 'DELETE', path: '/categories/{id}' },
  }),
  'vehicles.list': defineMethod({
    summary: 'The fleet: registration, status, capabilities and who drives each vehicle.',
    input: Empty,
    output: z.array(Vehicle),
    roles: STAFF,
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/vehicles' },
  }),
  'vehicles.create': defineMethod({
    summary: 'Add a vehicle with its status and capabilities.',
    input: CreateVehicleInput,
    output: Vehicle,
    ...WRITE,
    http: { method: 'POST', path: '/vehicles', successStatus: 201 },
    example: { registration: 'VX-123-B', label: 'Van 12', capabilities: ['van', 'ladder'] },
  }),
  'vehicles.update': defineMethod({
    summary: 'Change a vehicle: status (in service, maintenance, out of service), capabilities, label.',
    input: UpdateVehicleInput,
    output: Vehicle,
    ...WRITE,
    http: { method: 'PATCH', path: '/vehicles/{id}' },
  }),
  'vehicles.delete': defineMethod({
    summary: 'Delete a vehicle no technician drives (409 names the technician).',
    input: IdInput,
    output: Vehicle,
    ...WRITE,
    http: { method: 'DELETE', path: '/vehicles/{id}' },
  }),
};
