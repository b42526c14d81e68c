import reference from './0001-reference';
import operations from './0002-operations';
import slaClockSchedule from './0003-sla-clock-schedule';
import telemetry from './0004-telemetry';

export interface Migration {
  /** Zero-padded so lexical order is application order. */
  name: string;
  sql: string;
}

/**
 * Every migration this build knows, in application order. Static imports rather than `readdir`, so the list
 * survives bundling. Append only: a shipped entry is never edited, renamed or removed.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_reference', sql: reference },
  { name: '0002_operations', sql: operations },
  { name: '0003_sla_clock_schedule', sql: slaClockSchedule },
  { name: '0004_telemetry', sql: telemetry },
];
