export type { BaselineOptions, Expectation } from './baseline';
export { expectations } from './baseline';
export { cusumChart, type CusumOptions } from './cusum';
export type { DetectionMethod, DetectorFinding, Series } from './detector';
export { ewmaChart, type EwmaOptions } from './ewma';
export { CUSUM_TUNING, EWMA_TUNING, HOURLY_BASELINE } from './parameters';
export { scanForAnomalies, type AnomalyFinding } from './scan';
export { anomalyMessage } from './messages';
