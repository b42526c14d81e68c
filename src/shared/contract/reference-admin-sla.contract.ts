import { IdInput } from '../schemas/admin-fields.schema';
import {
  AddHolidayInput,
  CreateCalendarInput,
  HolidayImportResult,
  ImportHolidaysInput,
  ImportIcsInput,
  RemoveHolidayInput,
  UpdateCalendarInput,
} from '../schemas/admin-calendar.schema';
import { CreateSlaPolicyInput, UpdateSlaPolicyInput } from '../schemas/admin-sla-policy.schema';
import { CalendarRecord, SlaPolicy } from '../schemas/reference.schema';
import { defineMethod } from './define';

/**
 * Administration of business calendars and SLA policies (admins only; every change audited). A change reaches new
 * orders at once; existing orders keep the targets and due instants they were given (DOMAIN.md), and SLA repair
 * is the audited way to recompute them.
 */
const ADMIN = { roles: ['admin'], mutates: true } as const;

export const referenceAdminSlaMethods = {
  'calendars.create': defineMethod({
    summary: 'Create a business calendar: IANA time zone, weekly working intervals per weekday, date overrides.',
    input: CreateCalendarInput,
    output: CalendarRecord,
    ...ADMIN,
    http: { method: 'POST', path: '/calendars', successStatus: 201 },
    example: {
      name: 'Weekdays 08-17',
      timeZone: 'Europe/Amsterdam',
      week: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '17:00']] },
      overrides: [{ date: '2027-12-24', intervals: [['08:00', '12:00']] }],
    },
  }),
  'calendars.update': defineMethod({
    summary: 'Change a calendar; week and overrides, when given, replace the old ones.',
    input: UpdateCalendarInput,
    output: CalendarRecord,
    ...ADMIN,
    http: { method: 'PATCH', path: '/calendars/{id}' },
  }),
  'calendars.delete': defineMethod({
    summary: 'Delete a calendar no policy or clock uses (409 says which do).',
    input: IdInput,
    output: CalendarRecord,
    ...ADMIN,
    http: { method: 'DELETE', path: '/calendars/{id}' },
  }),
  'calendars.addHoliday': defineMethod({
    summary: 'Make a local date a holiday of the calendar (no working time that day).',
    input: AddHolidayInput,
    output: CalendarRecord,
    ...ADMIN,
    http: { method: 'POST', path: '/calendars/{calendarId}/holidays', successStatus: 201 },
  }),
  'calendars.removeHoliday': defineMethod({
    summary: 'Make a holiday an ordinary date again.',
    input: RemoveHolidayInput,
    output: CalendarRecord,
    ...ADMIN,
    http: { method: 'DELETE', path: '/calendars/{calendarId}/holidays/{date}' },
  }),
  'calendars.importHolidays': defineMethod({
    summary: 'Add the public holidays of a country (and region) for some years, from the date-holidays library. Dates already present are skipped.',
    input: ImportHolidaysInput,
    output: HolidayImportResult,
    ...ADMIN,
    http: { method: 'POST', path: '/calendars/{calendarId}/holidays/import' },
    example: { country: 'NL', years: [2027] },
  }),
  'calendars.importIcs': defineMethod({
    summary: 'Add the all-day events of an iCalendar (.ics) text as holidays. Dates already present are skipped.',
    input: ImportIcsInput,
    output: HolidayImportResult,
    ...ADMIN,
    http: { method: 'POST', path: '/calendars/{calendarId}/holidays/import-ics' },
  }),
  'slaPolicies.create': defineMethod({
    summary: 'Create an SLA policy: match criteria, rank, calendar, zone mode, targets, warnings, pausing reasons, reopen window, escalation.',
    input: CreateSlaPolicyInput,
    output: SlaPolicy,
    ...ADMIN,
    http: { method: 'POST', path: '/sla-policies', successStatus: 201 },
    example: {
      name: 'P2 weekdays',
      match: { priority: 'P2' },
      calendarId: 'cal_business',
      targets: [
        { metric: 'response', targetSeconds: 3600 },
        { metric: 'resolution', targetSeconds: 28800 },
      ],
      pausingReasons: ['waiting_customer'],
    },
  }),
  'slaPolicies.update': defineMethod({
    summary: 'Change an SLA policy for orders created from now on; targets and match, when given, replace the old ones.',
    input: UpdateSlaPolicyInput,
    output: SlaPolicy,
    ...ADMIN,
    http: { method: 'PATCH', path: '/sla-policies/{id}' },
  }),
  'slaPolicies.delete': defineMethod({
    summary: 'Delete a policy no order was measured by (409 says how many were; retire it with active: false).',
    input: IdInput,
    output: SlaPolicy,
    ...ADMIN,
    http: { method: 'DELETE', path: '/sla-policies/{id}' },
  }),
};
