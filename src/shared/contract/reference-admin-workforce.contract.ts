import { z } from 'zod';
import { IdInput } from '../schemas/admin-fields.schema';
import { AddTimeOffInput, CreateTechnicianInput, ListTimeOffInput, UpdateTechnicianInput } from '../schemas/admin-technician.schema';
import { Technician, TimeOff } from '../schemas/reference.schema';
import { defineMethod } from './define';

/**
 * Administration of the workforce. Technician records (skills, vehicle, shifts, capacity) are the admin's, or an
 * HR system's with `reference:write`. Time off is planned by service managers too: they run the crews' rosters, as
 * resource managers do in Dynamics 365 Field Service; dispatchers read it but do not change it.
 */
export const referenceAdminWorkforceMethods = {
  'technicians.create': defineMethod({
    summary: 'Add a technician: team, region, home base, skills with levels and certification expiry, vehicle, capacity, shifts.',
    input: CreateTechnicianInput,
    output: Technician,
    roles: ['admin'],
    scopes: ['reference:write'],
    mutates: true,
    http: { method: 'POST', path: '/technicians', successStatus: 201 },
    example: {
      name: 'Sam de Vries',
      team: 'North',
      home: { lat: 52.39, lon: 4.9 },
      dailyCapacityMinutes: 480,
      skills: [{ skillCode: 'plumbing', level: 3, certifiedUntil: null }],
      shifts: [{ weekday: 'mon', start: '08:00', end: '17:00' }],
    },
  }),
  'technicians.update': defineMethod({
    summary: 'Change a technician; skills and shifts, when given, replace the old ones. active: false retires them.',
    input: UpdateTechnicianInput,
    output: Technician,
    roles: ['admin'],
    scopes: ['reference:write'],
    mutates: true,
    http: { method: 'PATCH', path: '/technicians/{id}' },
  }),
  'timeOff.list': defineMethod({
    summary: 'Planned absences, of one technician or all, optionally only those ending after an instant.',
    input: ListTimeOffInput,
    output: z.array(TimeOff),
    roles: ['admin', 'manager', 'dispatcher'],
    scopes: ['reference:read'],
    mutates: false,
    http: { method: 'GET', path: '/time-off' },
  }),
  'timeOff.add': defineMethod({
    summary: 'Plan an absence: the technician is not proposed for work overlapping it.',
    input: AddTimeOffInput,
    output: TimeOff,
    roles: ['admin', 'manager'],
    scopes: ['reference:write'],
    mutates: true,
    http: { method: 'POST', path: '/technicians/{technicianId}/time-off', successStatus: 201 },
  }),
  'timeOff.remove': defineMethod({
    summary: 'Cancel a planned absence.',
    input: IdInput,
    output: TimeOff,
    roles: ['admin', 'manager'],
    scopes: ['reference:write'],
    mutates: true,
    http: { method: 'DELETE', path: '/time-off/{id}' },
  }),
};
