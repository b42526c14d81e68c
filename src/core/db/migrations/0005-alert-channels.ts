/**
 * Alert channels: the e-mail addresses and webhook URLs alerts go out to, each serving some roles; and, on every
 * delivery attempt, the channel it went through, so a retry signs with that channel's secret. Shipped: never edit.
 */
export default /* sql */ `
CREATE TABLE alert_channels (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
  -- An e-mail address or an http(s) URL.
  target TEXT NOT NULL,
  -- The webhook's HMAC key, kept as given: signing needs it. The API never returns it.
  secret TEXT,
  roles_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles_json)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((kind = 'webhook') = (secret IS NOT NULL))
) STRICT;

-- History outlives the channel: deleting one keeps its past attempts, without the link.
ALTER TABLE alert_deliveries ADD COLUMN channel_id TEXT REFERENCES alert_channels (id) ON DELETE SET NULL;
CREATE INDEX alert_deliveries_channel_id ON alert_deliveries (channel_id);
`;
