import type { GeoPoint } from '../../../shared/schemas/common';
import { assignmentConfig } from '../config';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician } from '../types';

/** Hand-built orders and technicians for the unit tests: sensible defaults, override what the test is about. */
export const NOW = Date.UTC(2026, 2, 2, 9, 0);
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const SITE: GeoPoint = { lat: 52.37, lon: 4.89 };
const KM_PER_DEGREE_LAT = (6371.0088 * Math.PI) / 180;

/** A point exactly `km` north of the site (along a meridian the great-circle distance is exact). */
export const north = (km: number): GeoPoint => ({ lat: SITE.lat + km / KM_PER_DEGREE_LAT, lon: SITE.lon });

export function order(overrides: Partial<AssignmentOrder> = {}): AssignmentOrder {
  return {
    id: 'wo-1',
    priority: 'P3',
    location: SITE,
    requiredSkills: [{ skillCode: 'hvac', minLevel: 3 }],
    estimatedMinutes: 60,
    vehicleCapabilities: ['van'],
    arrivalDueAt: NOW + 4 * HOUR,
    preferredTechnicianId: null,
    excludedTechnicianIds: [],
    ...overrides,
  };
}

export function technician(overrides: Partial<AssignmentTechnician> = {}): AssignmentTechnician {
  return {
    id: 'tech-1',
    status: 'available',
    position: north(10),
    skills: [{ skillCode: 'hvac', level: 3, certifiedUntil: null }],
    vehicle: { status: 'in_service', capabilities: ['van'] },
    shifts: [[NOW - 2 * HOUR, NOW + 6 * HOUR]],
    timeOff: [],
    capacityMinutes: 480,
    workloadMinutes: 0,
    activeOrders: 0,
    ...overrides,
  };
}

export const config = (overrides: Parameters<typeof assignmentConfig>[1] = {}): AssignmentConfig => assignmentConfig(NOW, overrides);
