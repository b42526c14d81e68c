import { shallowRef } from 'vue';

/** One change the user made while the centre could not be reached, with the key that makes resending it safe. */
export interface OutboxEntry {
  key: string;
  method: string;
  input: unknown;
  queuedAt: number;
}

/** What delivering an entry came to: the server's answer, its refusal, or no answer again (stay queued). */
export type Delivery = { kind: 'answered'; value: unknown } | { kind: 'refused'; error: unknown } | { kind: 'unreachable' };

/** `orphaned`: nobody on this page is waiting for the answer (the change was restored after a reload). */
export type SettledListener = (entry: OutboxEntry, delivery: Delivery, orphaned: boolean) => void;

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const STORAGE_KEY = 'dcr.outbox';

/**
 * Changes made during a connection loss, kept in order and in the browser's storage (a reload or a crash of the
 * window does not lose them) and sent, oldest first, once the centre is back. Each keeps the idempotency key it
 * was first sent with, so one whose answer was lost is not applied twice. A caller still on the page gets its
 * promise settled with the eventual answer; every delivery is also reported through `onSettled`.
 */
export class Outbox {
  readonly pending = shallowRef<readonly OutboxEntry[]>([]);
  private readonly waiters = new Map<string, Waiter>();
  private readonly settledListeners = new Set<SettledListener>();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
    private readonly deliver: (entry: OutboxEntry) => Promise<Delivery>,
  ) {
    this.pending.value = this.load();
  }

  get size(): number {
    return this.pending.value.length;
  }

  /** Queues a change; the promise settles when the centre has answered it. */
  enqueue(entry: OutboxEntry): Promise<unknown> {
    this.save([...this.pending.value, entry]);
    return new Promise((resolve, reject) => this.waiters.set(entry.key, { resolve, reject }));
  }

  /** Sends queued changes in order until one finds the centre unreachable again. Concurrent calls share one run. */
  flush(): Promise<void> {
    this.flushing ??= this.sendAll().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Forgets everything queued (signing out: the changes were made under credentials that are gone). */
  clear(reason: unknown): void {
    for (const waiter of this.waiters.values()) waiter.reject(reason);
    this.waiters.clear();
    this.save([]);
  }

  onSettled(cb: SettledListener): () => void {
    this.settledListeners.add(cb);
    return () => this.settledListeners.delete(cb);
  }

  private async sendAll(): Promise<void> {
    for (let entry = this.pending.value[0]; entry; entry = this.pending.value[0]) {
      const delivery = await this.deliver(entry);
      if (delivery.kind === 'unreachable') return;
      this.save(this.pending.value.filter((e) => e.key !== entry!.key));
      const waiter = this.waiters.get(entry.key);
      this.waiters.delete(entry.key);
      if (delivery.kind === 'answered') waiter?.resolve(delivery.value);
      else waiter?.reject(delivery.error);
      this.settledListeners.forEach((cb) => cb(entry!, delivery, waiter === undefined));
    }
  }

  private load(): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  private save(entries: OutboxEntry[]): void {
    this.pending.value = entries;
    try {
      if (entries.length > 0) this.storage?.setItem(STORAGE_KEY, JSON.stringify(entries));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage full or disabled: the queue still lives for this page.
    }
  }
}

/** Storage is outside input: anything that is not a well-formed entry is dropped rather than sent. */
function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.key === 'string' && typeof e.method === 'string' && typeof e.queuedAt === 'number' && 'input' in e;
}
