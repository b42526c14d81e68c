import type { AssignmentConfig } from './types';

/**
 * Defaults for everything but `now`. Every term is in "minute-equivalents" so weights read as exchange rates: with
 * these values a technician 100 % booked costs as much as 40 extra travel minutes, each spare skill level 4 minutes,
 * and not being the customer's preferred technician 20 minutes.
 */
export const DEFAULT_ASSIGNMENT_CONFIG: Readonly<Omit<AssignmentConfig, 'now'>> = Object.freeze({
  weights: Object.freeze({ travel: 1, slaSlack: 1, workload: 0.4, overQualification: 4, preferred: 20 }),
  // Typical urban detour factor and mean van speed; a travel-time provider replaces both when configured.
  roadFactor: 1.3,
  speedKmh: 40,
  slaMarginMinutes: 60,
  // Being late is what the SLA measures, so a late minute must outweigh any amount of early arrival elsewhere.
  lateMultiplier: 10,
  // Big enough that the net loss of dropping an order is ruled by its priority, not by how its costs differ.
  unassignedPenalty: Object.freeze({ P1: 30_000, P2: 10_000, P3: 3_000, P4: 1_000 }),
});

/** A complete configuration for `now`, with any field overridden (weights may be overridden one by one). */
export function assignmentConfig(
  now: number,
  overrides: Partial<Omit<AssignmentConfig, 'now' | 'weights'>> & { weights?: Partial<AssignmentConfig['weights']> } = {},
): AssignmentConfig {
  return {
    ...DEFAULT_ASSIGNMENT_CONFIG,
    ...overrides,
    weights: { ...DEFAULT_ASSIGNMENT_CONFIG.weights, ...overrides.weights },
    unassignedPenalty: { ...DEFAULT_ASSIGNMENT_CONFIG.unassignedPenalty, ...overrides.unassignedPenalty },
    now,
  };
}
