import { changed, created, deleted, type AuditCase } from './case';
import { SITE, T0 } from './world';

const DAY = 86_400_000;
const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//audit//EN', 'BEGIN:VEVENT', 'UID:d1', 'DTSTAMP:20260101T000000Z', 'DTSTART;VALUE=DATE:20260615', 'SUMMARY:Company day', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');

/** Sample calls of the reference-data administration (catalogue, workforce, calendars, SLA policies). */
export const referenceCases: Record<string, AuditCase> = {
  'skills.create': {
    input: () => ({ code: 'electrical', name: 'Electrical' }),
    entries: (r) => [created('skill.created', 'skill', r.id)],
    keep: (r, w) => (w.ids.skill = r.id),
  },
  'skills.update': {
    input: (w) => ({ id: w.ids.skill, name: 'Electrics' }),
    entries: (_r, w) => [changed('skill.updated', 'skill', w.ids.skill!)],
  },
  'skills.delete': {
    input: (w) => ({ id: w.ids.skill }),
    entries: (_r, w) => [deleted('skill.deleted', 'skill', w.ids.skill!)],
  },
  'categories.create': {
    input: () => ({ code: 'SPARE', name: 'Spare', defaultPriority: 'P4', estimatedMinutes: 30 }),
    entries: (r) => [created('category.created', 'category', r.id)],
    keep: (r, w) => (w.ids.spareCategory = r.id),
  },
  'categories.update': {
    input: (w) => ({ id: w.ids.spareCategory, name: 'Spare parts', requiredSkills: [{ skillCode: 'hvac', minLevel: 1 }] }),
    entries: (_r, w) => [changed('category.updated', 'category', w.ids.spareCategory!)],
  },
  'categories.delete': {
    input: (w) => ({ id: w.ids.spareCategory }),
    entries: (_r, w) => [deleted('category.deleted', 'category', w.ids.spareCategory!)],
  },
  'vehicles.create': {
    input: () => ({ registration: 'AU-001', label: 'Audit van', capabilities: ['van'] }),
    entries: (r) => [created('vehicle.created', 'vehicle', r.id)],
    keep: (r, w) => (w.ids.vehicle = r.id),
  },
  'vehicles.update': {
    input: (w) => ({ id: w.ids.vehicle, status: 'maintenance' }),
    entries: (_r, w) => [changed('vehicle.updated', 'vehicle', w.ids.vehicle!)],
  },
  'vehicles.delete': {
    input: (w) => ({ id: w.ids.vehicle }),
    entries: (_r, w) => [deleted('vehicle.deleted', 'vehicle', w.ids.vehicle!)],
  },
  'technicians.create': {
    input: () => ({ name: 'Tech spare', team: 'South', home: SITE, dailyCapacityMinutes: 300 }),
    entries: (r) => [created('technician.created', 'technician', r.id)],
    keep: (r, w) => (w.ids.spareTech = r.id),
  },
  'technicians.update': {
    input: (w) => ({ id: w.ids.spareTech, active: false }),
    entries: (_r, w) => [changed('technician.updated', 'technician', w.ids.spareTech!)],
  },
  'timeOff.add': {
    input: (w) => ({ technicianId: w.ids.spareTech, startsAt: T0 + 30 * DAY, endsAt: T0 + 31 * DAY, reason: 'Training' }),
    entries: (r) => [created('timeOff.added', 'time_off', r.id)],
    keep: (r, w) => (w.ids.timeOff = r.id),
  },
  'timeOff.remove': {
    input: (w) => ({ id: w.ids.timeOff }),
    entries: (_r, w) => [deleted('timeOff.removed', 'time_off', w.ids.timeOff!)],
  },
  'calendars.create': {
    input: () => ({ name: 'Office', timeZone: 'Europe/Amsterdam', week: { mon: [['08:00', '17:00']] } }),
    entries: (r) => [created('calendar.created', 'calendar', r.id)],
    keep: (r, w) => (w.ids.office = r.id),
  },
  'calendars.update': {
    input: (w) => ({ id: w.ids.office, name: 'Office hours', overrides: [{ date: '2026-12-24', intervals: [['08:00', '12:00']] }] }),
    entries: (_r, w) => [changed('calendar.updated', 'calendar', w.ids.office!)],
  },
  'calendars.addHoliday': {
    input: (w) => ({ calendarId: w.ids.office, date: '2026-11-11', name: 'Sint-Maarten' }),
    entries: (_r, w) => [changed('calendar.holidayAdded', 'calendar', w.ids.office!)],
  },
  'calendars.removeHoliday': {
    input: (w) => ({ calendarId: w.ids.office, date: '2026-11-11' }),
    entries: (_r, w) => [changed('calendar.holidayRemoved', 'calendar', w.ids.office!)],
  },
  'calendars.importHolidays': {
    input: (w) => ({ calendarId: w.ids.office, country: 'NL', years: [2026] }),
    entries: (_r, w) => [changed('calendar.holidaysImported', 'calendar', w.ids.office!)],
  },
  'calendars.importIcs': {
    input: (w) => ({ calendarId: w.ids.office, ics: ICS }),
    entries: (_r, w) => [changed('calendar.holidaysImported', 'calendar', w.ids.office!)],
  },
  'calendars.delete': {
    input: (w) => ({ id: w.ids.office }),
    entries: (_r, w) => [deleted('calendar.deleted', 'calendar', w.ids.office!)],
  },
  'slaPolicies.create': {
    input: (w) => ({ name: 'P4 test', match: { priority: 'P4' }, calendarId: w.ids.calendar, targets: [{ metric: 'resolution', targetSeconds: 86_400 }] }),
    entries: (r) => [created('slaPolicy.created', 'sla_policy', r.id)],
    keep: (r, w) => (w.ids.p4 = r.id),
  },
  'slaPolicies.update': {
    input: (w) => ({ id: w.ids.p4, rank: 5, warningThresholds: [80] }),
    entries: (_r, w) => [changed('slaPolicy.updated', 'sla_policy', w.ids.p4!)],
  },
  'slaPolicies.delete': {
    input: (w) => ({ id: w.ids.p4 }),
    entries: (_r, w) => [deleted('slaPolicy.deleted', 'sla_policy', w.ids.p4!)],
  },
};
