import type { Insertable } from 'kysely';
import type { Database, TechnicianStatus, Weekday } from '../db/schema';
import { skillId } from './demo-catalog';
import {
  CERTIFIED_SKILLS, CITY, FIRST_NAMES, LAST_NAMES, PLANNED_ABSENCES, REGIONS, TEAMS, VEHICLE_MODELS,
  type SkillCode, type Team,
} from './demo-data';
import { regionId, scatter } from './demo-geo';
import { localMidnight } from '../../shared/zone-time';
import { readLocal, type LocalReading } from './local-time';
import { dutchMobile, pad, slug } from './demo-text';
import type { Prng } from './prng';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface Workforce {
  vehicles: Row<'vehicles'>[];
  technicians: Row<'technicians'>[];
  technicianSkills: Row<'technician_skills'>[];
  shifts: Row<'shifts'>[];
  timeOff: Row<'time_off'>[];
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_MS = 86_400_000;

interface ShiftPattern {
  days: readonly Weekday[];
  start: string;
  end: string;
  capacityMinutes: number;
}

const WEEKDAYS_ONLY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** Crews and how many technicians work them; everyone else works `day`. The night crew's shifts run past midnight. */
const PATTERNS: Record<'day' | 'early' | 'late' | 'weekend' | 'night', ShiftPattern> = {
  day: { days: WEEKDAYS_ONLY, start: '08:00', end: '16:30', capacityMinutes: 450 },
  early: { days: WEEKDAYS_ONLY, start: '06:00', end: '14:30', capacityMinutes: 450 },
  late: { days: WEEKDAYS_ONLY, start: '14:00', end: '22:30', capacityMinutes: 450 },
  weekend: { days: ['fri', 'sat', 'sun', 'mon'], start: '07:00', end: '19:00', capacityMinutes: 660 },
  night: { days: ['sun', 'mon', 'tue', 'wed', 'thu'], start: '22:00', end: '06:00', capacityMinutes: 420 },
};
const CREW_SIZES = { night: 3, weekend: 5, late: 7, early: 7 } as const;

function onShift(pattern: ShiftPattern, local: LocalReading): boolean {
  const overnight = pattern.end <= pattern.start;
  const previous = WEEKDAYS[(WEEKDAYS.indexOf(local.weekday) + 6) % 7]!;
  if (pattern.days.includes(local.weekday) && local.time >= pattern.start && (overnight || local.time < pattern.end)) {
    return true;
  }
  return overnight && pattern.days.includes(previous) && local.time < pattern.end;
}

/** Team of each technician, in proportion to the teams' shares, shuffled. */
function teamRoster(rng: Prng, count: number) {
  const roster = TEAMS.flatMap((team) => Array.from({ length: team.share }, () => team));
  while (roster.length < count) roster.push(rng.pick(TEAMS));
  return rng.shuffle(roster).slice(0, count);
}

function crewRoster(rng: Prng, count: number): ShiftPattern[] {
  const crews = Object.entries(CREW_SIZES).flatMap(([name, size]) => Array.from({ length: size }, () => name));
  while (crews.length < count) crews.push('day');
  return rng.shuffle(crews).map((name) => PATTERNS[name as keyof typeof PATTERNS]);
}

const PLATE_LETTERS = [...'BDFGHJKLNPRSTXZ'];

function vehicle(rng: Prng, n: number, team: Team, inMaintenance: boolean, plates: Set<string>, now: number): Row<'vehicles'> {
  let plate: string;
  // Dutch van plates start with V: V?-999-?.
  do plate = `V${rng.pick(PLATE_LETTERS)}-${pad(rng.int(100, 999), 3)}-${rng.pick(PLATE_LETTERS)}`;
  while (plates.has(plate));
  plates.add(plate);
  const capabilities = ['van', ...team.capabilities.filter(() => rng.chance(0.85))];
  if (!capabilities.includes('ladder') && rng.chance(0.4)) capabilities.push('ladder');
  return {
    id: `veh_${pad(n)}`, registration: plate, label: rng.pick(VEHICLE_MODELS),
    status: inMaintenance ? 'maintenance' : 'in_service', capabilities_json: JSON.stringify(capabilities),
    created_at: now, updated_at: now,
  };
}

function skills(rng: Prng, technicianId: string, team: Team, now: number): Row<'technician_skills'>[] {
  const levels = new Map<SkillCode, number>(team.core.map((code) => [code, rng.int(3, 5)]));
  for (const code of rng.shuffle(team.side).slice(0, rng.int(1, 2))) levels.set(code, rng.int(1, 3));
  // Preventive rounds are the bulk of the work, so many tradespeople also hold the general skill.
  if (!levels.has('general') && rng.chance(0.5)) levels.set('general', rng.int(1, 3));
  return [...levels].map(([code, level]) => ({
    technician_id: technicianId,
    skill_id: skillId(code),
    level,
    // About one certificate in twenty has lapsed, which assignment must notice.
    certified_until: CERTIFIED_SKILLS.includes(code) ? now + rng.int(-40, 730) * DAY_MS : null,
  }));
}

export function buildWorkforce(rng: Prng, now: number): Workforce {
  const count = rng.int(48, 52);
  const teams = teamRoster(rng, count);
  const crews = crewRoster(rng, count);
  const inMaintenance = new Set(rng.shuffle([...Array(count).keys()]).slice(0, rng.int(2, 3)));
  const local = readLocal(now, CITY.timeZone);
  const out: Workforce = { vehicles: [], technicians: [], technicianSkills: [], shifts: [], timeOff: [] };
  const usedNames = new Set<string>();
  const plates = new Set<string>();

  for (let i = 0; i < count; i++) {
    const id = `tech_${pad(i + 1)}`;
    const team = teams[i]!;
    const crew = crews[i]!;
    let first: string, last: string;
    do {
      [first, last] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
    } while (usedNames.has(`${first} ${last}`));
    usedNames.add(`${first} ${last}`);

    out.vehicles.push(vehicle(rng, i + 1, team, inMaintenance.has(i), plates, now));
    out.technicianSkills.push(...skills(rng, id, team, now));
    crew.days.forEach((weekday, d) => {
      out.shifts.push({ id: `shf_${pad(i + 1)}_${d + 1}`, technician_id: id, weekday, start_time: crew.start, end_time: crew.end });
    });

    const region = rng.pick(REGIONS);
    const home = scatter(rng, region, 2.5);
    const working = onShift(crew, local);
    const status: TechnicianStatus = working ? 'available' : 'off_shift';
    const position = working ? scatter(rng, home, 1.5) : null;
    out.technicians.push({
      id, external_id: `HR-${10_000 + i * 7}`, name: `${first} ${last}`, phone: dutchMobile(rng),
      email: `${slug(first)}.${slug(last)}@rivermouth-service.example`, team: team.name,
      region_id: regionId(region.code), home_lat: home.lat, home_lon: home.lon, last_lat: position?.lat ?? null,
      last_lon: position?.lon ?? null, last_position_at: position ? now - rng.int(0, 600) * 1000 : null, status,
      daily_capacity_minutes: crew.capacityMinutes, vehicle_id: `veh_${pad(i + 1)}`, time_zone: CITY.timeZone,
      created_at: now, updated_at: now,
    });
  }
  addTimeOff(rng, now, out);
  return out;
}

/** One technician off sick today and one mid-vacation (so the board shows absences at once), a few planned. */
function addTimeOff(rng: Prng, now: number, out: Workforce): void {
  const zone = CITY.timeZone;
  const [sick, away, ...others] = rng.shuffle(out.technicians).slice(0, rng.int(7, 10));
  const entries = [
    { tech: sick!, starts: localMidnight(zone, now), ends: localMidnight(zone, now, 1), reason: 'sick' },
    { tech: away!, starts: localMidnight(zone, now, -3), ends: localMidnight(zone, now, 4), reason: 'vacation' },
    ...others.map((tech) => {
      const start = rng.int(3, 60);
      const days = rng.int(1, 14);
      const reason = rng.pick(PLANNED_ABSENCES);
      return { tech, starts: localMidnight(zone, now, start), ends: localMidnight(zone, now, start + days), reason };
    }),
  ];
  entries.forEach((e, k) => {
    out.timeOff.push({ id: `off_${pad(k + 1)}`, technician_id: e.tech.id, starts_at: e.starts, ends_at: e.ends, reason: e.reason });
    if (e.starts <= now && now < e.ends) {
      e.tech.status = 'unavailable';
      e.tech.last_lat = e.tech.last_lon = e.tech.last_position_at = null;
    }
  });
}
