/**
 * The assignment engine (DOMAIN.md "Assignment"): pure functions of plain inputs, no store. `evaluateCandidate` and
 * `rankCandidates` serve single orders, `assignBatch` plans many jointly, `greedyAssign` is the baseline it beats.
 */
export { assignmentConfig, DEFAULT_ASSIGNMENT_CONFIG } from './config';
export { evaluateCandidate, rankCandidates } from './rank';
export { assignBatch, type BatchOptions } from './batch';
export { greedyAssign } from './greedy';
export { slaRiskMinutes } from './objective';
export type * from './types';
