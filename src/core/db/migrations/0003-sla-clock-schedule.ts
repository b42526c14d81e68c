/**
 * SLA clock engine: each clock's next instant that needs attention (a warning threshold or its breach not yet
 * fired), so start-up rebuilds the in-memory schedule with one indexed read instead of re-deriving every clock,
 * and instants passed while the app was down are found and fired late. Shipped: never edit, add a new migration.
 */
export default /* sql */ `
ALTER TABLE sla_clocks ADD COLUMN next_fire_at INTEGER;
-- Live clocks of an older database have never been scheduled: due for a check at once, so the first start-up
-- derives them from their history and fires (late) what they crossed meanwhile.
UPDATE sla_clocks SET next_fire_at = started_at WHERE state IN ('running', 'paused', 'breached');
CREATE INDEX sla_clocks_next_fire_at ON sla_clocks (next_fire_at) WHERE next_fire_at IS NOT NULL;
`;
