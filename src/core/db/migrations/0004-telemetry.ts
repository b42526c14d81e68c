/**
 * Telemetry from execution engines and technician apps: one row per accepted event, keyed by the sender's event id
 * so a resent batch is recognised (idempotency), and the position trail of each technician. Shipped: never edit.
 */
export default /* sql */ `
CREATE TABLE telemetry_events (
  event_id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('position', 'status')),
  subject_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  sender_id TEXT NOT NULL,
  lat REAL,
  lon REAL,
  status TEXT,
  CHECK ((type = 'position') = (lat IS NOT NULL AND lon IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX telemetry_events_subject_at ON telemetry_events (subject_id, at);
`;
