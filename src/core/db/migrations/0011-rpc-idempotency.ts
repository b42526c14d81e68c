/**
 * Results of mutating RPC calls that carried an `Idempotency-Key`, so a client that lost the answer (the host
 * restarted, the network dropped) can send the same call again and get the first result instead of applying it
 * twice. Keys are per principal; rows older than a day are pruned. Shipped: never edit, add a new migration.
 */
export default /* sql */ `
CREATE TABLE rpc_idempotency (
  principal_id TEXT NOT NULL,
  key TEXT NOT NULL,
  method TEXT NOT NULL,
  -- The same key with another method or input is a conflict, so the request's hash is kept.
  request_hash TEXT NOT NULL,
  response_json TEXT NOT NULL CHECK (json_valid(response_json)),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (principal_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX rpc_idempotency_created_at ON rpc_idempotency (created_at);
`;
