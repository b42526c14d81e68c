import { createHash } from 'node:crypto';
import { contract, isMethodName } from '../../shared/contract';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { CoreDeps } from './handlers';
import { inTransaction } from '../db/transaction';
import type { CallFn } from './router';

/** A client's key for one intended change: opaque, but bounded so it cannot be used to store arbitrary data. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How long a result is kept for a retry: a workstation offline longer than this has reloaded anyway. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface IdempotentResult {
  value: unknown;
  /** True when the call had already been applied and this is its stored result. */
  replayed: boolean;
}

export type IdempotentCallFn = (key: string, method: string, input: unknown, principal: Principal | null) => Promise<IdempotentResult>;

/**
 * Mutating calls sent with an idempotency key are applied at most once per principal and key: a retry of a call
 * whose answer was lost returns the stored answer, the same key with another call is a 409, and a retry that
 * arrives while the first is still running waits for it. Reads and failed calls store nothing (a failure changed
 * nothing, so trying again is safe). The result is stored right after the change's own commit; a crash in
 * between makes a retry run again, where the order version check (409) still stops a double change.
 */
export function createIdempotentCalls({ db, bus, clock }: Pick<CoreDeps, 'db' | 'bus' | 'clock'>, call: CallFn): IdempotentCallFn {
  const running = new Map<string, Promise<unknown>>();

  async function applyOnce(key: string, method: string, input: unknown, principal: Principal, requestHash: string): Promise<IdempotentResult> {
    const slot = `${principal.id}\u0000${key}`;
    // A retry racing its own first attempt waits for it, then finds its stored result (or, if it failed, runs).
    for (let pending = running.get(slot); pending; pending = running.get(slot)) await pending.catch(() => undefined);
    const stored = await db
      .selectFrom('rpc_idempotency')
      .select(['request_hash', 'response_json', 'method'])
      .where('principal_id', '=', principal.id)
      .where('key', '=', key)
      .executeTakeFirst();
    if (stored) {
      if (stored.request_hash !== requestHash) throw reusedKey(stored.method);
      return { value: JSON.parse(stored.response_json) as unknown, replayed: true };
    }
    const attempt = call(method, input, principal).then(async (value) => {
      await remember(principal.id, key, method, requestHash, value);
      return value;
    });
    running.set(slot, attempt);
    try {
      return { value: await attempt, replayed: false };
    } finally {
      running.delete(slot);
    }
  }

  async function remember(principalId: string, key: string, method: string, requestHash: string, value: unknown): Promise<void> {
    const now = clock.now();
    await inTransaction(db, bus, async (trx) => {
      await trx
        .insertInto('rpc_idempotency')
        .values({ principal_id: principalId, key, method, request_hash: requestHash, response_json: JSON.stringify(value ?? null), created_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx.deleteFrom('rpc_idempotency').where('created_at', '<', now - IDEMPOTENCY_RETENTION_MS).execute();
    });
  }

  return async (key, method, input, principal) => {
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new AppError('validation', 'The Idempotency-Key header must be 8 to 128 letters, digits or . _ : -', [
        { path: 'Idempotency-Key', message: 'invalid key' },
      ]);
    }
    // Reads and anonymous calls have nothing to protect; they run as if no key were sent.
    if (!principal || !isMethodName(method) || !contract[method].mutates) return { value: await call(method, input, principal), replayed: false };
    const requestHash = createHash('sha256').update(canonicalJson({ method, input: input ?? {} })).digest('hex');
    return applyOnce(key, method, input, principal, requestHash);
  };
}

function reusedKey(firstMethod: string): AppError {
  return new AppError('conflict', `This Idempotency-Key was already used for a different ${firstMethod} call; send a new key for a new change.`, [
    { path: 'Idempotency-Key', message: 'reused for a different request' },
  ]);
}
