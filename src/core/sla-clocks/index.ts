/**
 * SLA clock engine (DOMAIN.md "SLA clocks"): the pure clock model, its store-backed recomputation, and the
 * scheduler that fires warnings and breaches exactly once.
 */
export { deriveClock, STOPPED_BY, type ClockDefinition, type ClockEvent, type ClockEventKind, type ClockSnapshot, type Crossing, type TimelineEntry } from './clock-model';
export { ClockScheduler } from './clock-scheduler';
export { recomputeOrderClocks, startOrderClocks, type SlaClockEvent, type StartedClock, type SyncedClock } from './clock-sync';
export { newClockRow } from './clock-store';
export { clockDefinition, liveClockBasis, type ClockBasis } from './clock-basis';
export { ClockEngine, LATE_AFTER_MS, type ClockEngineOptions } from './clock-engine';
