/**
 * A fresh key for one intended change, so a retry after a lost answer returns the first result instead of
 * applying the change twice. `randomUUID` needs a secure context; a workstation reaching the server over plain
 * http on the LAN falls back to the same amount of randomness.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
