import type { Insertable } from 'kysely';
import type { Database, Priority } from '../db/schema';
import { CITY, type SkillCode } from './demo-data';
import { netherlandsHolidays } from './holidays';
import { readLocal } from './local-time';

type Row<T extends keyof Database> = Insertable<Database[T]>;

interface CategorySpec {
  code: string;
  name: string;
  priority: Priority;
  minutes: number;
  skills: readonly [SkillCode, number][];
  vehicle: readonly string[];
  compliance: readonly object[];
  diagnostics: readonly object[];
}

const photo = { key: 'photo_taken', label: 'Photo of the finished work', type: 'boolean', requiredFor: 'completed' };
const signature = { key: 'customer_signature_name', label: 'Customer signature (name)', type: 'text', requiredFor: 'closed' };
const errorCode = { key: 'error_code', label: 'Error code on the unit', type: 'text' };

const CATEGORIES: readonly CategorySpec[] = [
  {
    code: 'HVAC-FAIL', name: 'Heating or cooling failure', priority: 'P2', minutes: 120, skills: [['hvac', 3]],
    vehicle: ['van', 'ladder'],
    compliance: [
      { key: 'gas_safe_cert_no', label: 'Gas Safe certificate number', type: 'text', requiredFor: 'on_site' },
      {
        key: 'flue_gas_test', label: 'Flue gas test', type: 'select', options: ['pass', 'fail', 'not applicable'],
        requiredFor: 'completed',
      },
      photo, signature,
    ],
    diagnostics: [
      { key: 'supply_temp', label: 'Supply temperature', type: 'number', unit: '°C' },
      { key: 'system_pressure', label: 'System pressure', type: 'number', unit: 'bar' }, errorCode,
    ],
  },
  {
    code: 'ELEC-OUTAGE', name: 'Power outage', priority: 'P1', minutes: 90, skills: [['electrical', 3]], vehicle: ['van'],
    compliance: [
      { key: 'isolation_verified', label: 'Isolation verified before work', type: 'boolean', requiredFor: 'on_site' },
      { key: 'test_certificate_no', label: 'Test certificate number', type: 'text', requiredFor: 'completed' },
      photo, signature,
    ],
    diagnostics: [
      { key: 'voltage', label: 'Measured voltage', type: 'number', unit: 'V' },
      { key: 'breaker_tripped', label: 'Main breaker tripped', type: 'boolean' },
      { key: 'circuits_affected', label: 'Circuits affected', type: 'number' },
    ],
  },
  {
    code: 'LEAK', name: 'Water leak', priority: 'P2', minutes: 90, skills: [['plumbing', 2]], vehicle: ['van'],
    compliance: [
      { key: 'water_shut_off', label: 'Water supply shut off', type: 'boolean', requiredFor: 'on_site' },
      photo, signature,
    ],
    diagnostics: [
      { key: 'leak_location', label: 'Leak location', type: 'text' },
      { key: 'flow_rate', label: 'Estimated flow', type: 'number', unit: 'l/min' },
    ],
  },
  {
    code: 'ELEVATOR-STUCK', name: 'Elevator stuck', priority: 'P1', minutes: 60, skills: [['elevator', 3]],
    vehicle: ['van', 'lift'],
    compliance: [
      {
        key: 'passengers_trapped', label: 'Passengers trapped', type: 'select',
        options: ['none', 'released by technician', 'released by fire brigade'], requiredFor: 'on_site',
      },
      { key: 'inspection_reference', label: 'Lift inspection reference', type: 'text', requiredFor: 'completed' },
      signature,
    ],
    diagnostics: [{ key: 'floor', label: 'Stopped at floor', type: 'number' }, errorCode],
  },
  {
    code: 'FIRE-ALARM', name: 'Fire alarm fault', priority: 'P1', minutes: 75, skills: [['fire-safety', 3]],
    vehicle: ['van', 'ladder'],
    compliance: [
      { key: 'fire_brigade_informed', label: 'Fire brigade informed', type: 'boolean', requiredFor: 'on_site' },
      { key: 'logbook_entry', label: 'Fire logbook entry number', type: 'text', requiredFor: 'completed' },
      signature,
    ],
    diagnostics: [
      { key: 'zone', label: 'Alarm zone', type: 'text' },
      { key: 'detectors_in_fault', label: 'Detectors in fault', type: 'number' }, errorCode,
    ],
  },
  {
    code: 'NETWORK-DOWN', name: 'Network outage', priority: 'P2', minutes: 60, skills: [['network', 3]], vehicle: ['van'],
    compliance: [
      { key: 'change_ticket', label: 'Customer change ticket', type: 'text', requiredFor: 'completed' }, signature,
    ],
    diagnostics: [
      { key: 'affected_users', label: 'Users affected', type: 'number' },
      { key: 'link_light', label: 'Uplink light on', type: 'boolean' },
    ],
  },
  {
    code: 'PREVENTIVE', name: 'Preventive maintenance', priority: 'P4', minutes: 180, skills: [['general', 2]],
    vehicle: ['van', 'ladder'],
    compliance: [
      { key: 'checklist_completed', label: 'Checklist completed', type: 'boolean', requiredFor: 'completed' },
      photo, signature,
    ],
    diagnostics: [{ key: 'running_hours', label: 'Running hours', type: 'number', unit: 'h' }],
  },
  {
    code: 'FRIDGE-TEMP', name: 'Refrigeration temperature alarm', priority: 'P2', minutes: 120,
    skills: [['refrigeration', 3]], vehicle: ['van', 'refrigerant'],
    compliance: [
      { key: 'fgas_cert_no', label: 'F-gas certificate number', type: 'text', requiredFor: 'on_site' },
      { key: 'refrigerant_kg_recovered', label: 'Refrigerant recovered', type: 'number', requiredFor: 'completed' },
      { key: 'refrigerant_kg_added', label: 'Refrigerant added', type: 'number', requiredFor: 'completed' },
      photo, signature,
    ],
    diagnostics: [
      { key: 'cabinet_temp', label: 'Cabinet temperature', type: 'number', unit: '°C' },
      { key: 'setpoint', label: 'Setpoint', type: 'number', unit: '°C' },
      { key: 'compressor_running', label: 'Compressor running', type: 'boolean' },
    ],
  },
];

export const categoryId = (code: string): string => `cat_${code.toLowerCase().replace(/-/g, '_')}`;
export const skillId = (code: string): string => `skl_${code.replace(/-/g, '_')}`;

export function buildCategories(now: number): {
  categories: Row<'categories'>[];
  categorySkills: Row<'category_skills'>[];
} {
  return {
    categories: CATEGORIES.map((c) => ({
      id: categoryId(c.code), code: c.code, name: c.name, default_priority: c.priority, estimated_minutes: c.minutes,
      vehicle_capabilities_json: JSON.stringify(c.vehicle), compliance_fields_json: JSON.stringify(c.compliance),
      diagnostic_params_json: JSON.stringify(c.diagnostics), active: 1, created_at: now, updated_at: now,
    })),
    categorySkills: CATEGORIES.flatMap((c) =>
      c.skills.map(([skill, level]) => ({ category_id: categoryId(c.code), skill_id: skillId(skill), min_level: level })),
    ),
  };
}

const ALL_DAY = [['00:00', '24:00']];
const BUSINESS_WEEK = {
  mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']],
  fri: [['08:00', '18:00']], sat: [['09:00', '13:00']],
};

export function buildCalendars(now: number): {
  calendars: Row<'calendars'>[];
  holidays: Row<'calendar_holidays'>[];
} {
  const year = readLocal(now, CITY.timeZone).year;
  const week24 = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ALL_DAY]));
  return {
    calendars: [
      { id: 'cal_business', name: 'Business hours', week_json: JSON.stringify(BUSINESS_WEEK) },
      { id: 'cal_24x7', name: '24x7', week_json: JSON.stringify(week24) },
    ].map((c) => ({ ...c, time_zone: CITY.timeZone, created_at: now, updated_at: now })),
    // The year of `now` and the next, so a demo started in December still has next year's holidays.
    holidays: [year, year + 1].flatMap((y) =>
      netherlandsHolidays(y).map((h) => ({ calendar_id: 'cal_business', date: h.date, name: h.name })),
    ),
  };
}
