import reference from './0001-reference';
import operations from './0002-operations';
import slaClockSchedule from './0003-sla-clock-schedule';
import telemetry from './0004-telemetry';
import alertChannels from './0005-alert-channels';
import correctiveActionFacts from './0007-corrective-action-facts';
import technicianActive from './0008-technician-active';
import regionBoundaries from './0009-region-boundaries';
import clockDefinition from './0010-clock-definition';
import rpcIdempotency from './0011-rpc-idempotency';

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
  { name: '0005_alert_channels', sql: alertChannels },
  { name: '0007_corrective_action_facts', sql: correctiveActionFacts },
  { name: '0008_technician_active', sql: technicianActive },
  { name: '0009_region_boundaries', sql: regionBoundaries },
  { name: '0010_clock_definition', sql: clockDefinition },
  { name: '0011_rpc_idempotency', sql: rpcIdempotency },
];
