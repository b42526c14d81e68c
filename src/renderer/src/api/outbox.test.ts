import { describe, expect, it } from 'vitest';
import { Outbox, type Delivery, type OutboxEntry } from './outbox';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const entry = (key: string, input: unknown = { n: key }): OutboxEntry => ({ key, method: 'workOrders.cancel', input, queuedAt: 1_700_000_000_000 });

/** A centre that is down until `up` is set, and records every delivery attempt. */
function fakeCentre() {
  const centre = {
    up: false,
    sent: [] as string[],
    refuse: new Set<string>(),
    deliver: async (e: OutboxEntry): Promise<Delivery> => {
      if (!centre.up) return { kind: 'unreachable' };
      centre.sent.push(e.key);
      if (centre.refuse.has(e.key)) return { kind: 'refused', error: new Error(`409 for ${e.key}`) };
      return { kind: 'answered', value: { applied: e.key } };
    },
  };
  return centre;
}

describe('Outbox', () => {
  it('keeps changes while the centre is down and sends each once, oldest first, when it is back', async () => {
    const centre = fakeCentre();
    const outbox = new Outbox(new MemoryStorage(), centre.deliver);
    const first = outbox.enqueue(entry('k-1'));
    const second = outbox.enqueue(entry('k-2'));
    await outbox.flush();
    expect(outbox.pending.value.map((e) => e.key)).toEqual(['k-1', 'k-2']);
    expect(centre.sent).toEqual([]);

    centre.up = true;
    await Promise.all([outbox.flush(), outbox.flush()]);
    expect(centre.sent).toEqual(['k-1', 'k-2']);
    await expect(first).resolves.toEqual({ applied: 'k-1' });
    await expect(second).resolves.toEqual({ applied: 'k-2' });
    expect(outbox.size).toBe(0);
    await outbox.flush();
    expect(centre.sent).toEqual(['k-1', 'k-2']);
  });

  it('rejects a change the centre refuses and goes on with the next', async () => {
    const centre = fakeCentre();
    centre.up = true;
    centre.refuse.add('k-1');
    const outbox = new Outbox(null, centre.deliver);
    const refused = outbox.enqueue(entry('k-1'));
    const accepted = outbox.enqueue(entry('k-2'));
    await outbox.flush();
    await expect(refused).rejects.toThrow('409 for k-1');
    await expect(accepted).resolves.toEqual({ applied: 'k-2' });
  });

  it('survives a reload through storage and reports restored changes through onSettled', async () => {
    const storage = new MemoryStorage();
    const centre = fakeCentre();
    void new Outbox(storage, centre.deliver).enqueue(entry('k-9', { id: 'wo_1', reason: 'typed offline' }));
    expect(JSON.parse(storage.getItem('dcr.outbox')!)).toEqual([entry('k-9', { id: 'wo_1', reason: 'typed offline' })]);

    const reloaded = new Outbox(storage, centre.deliver);
    const settled: [string, Delivery['kind'], boolean][] = [];
    reloaded.onSettled((e, d, orphaned) => settled.push([e.key, d.kind, orphaned]));
    centre.up = true;
    await reloaded.flush();
    expect(settled).toEqual([['k-9', 'answered', true]]);
    expect(storage.getItem('dcr.outbox')).toBeNull();
  });

  it('ignores damaged storage and drops malformed entries', () => {
    const storage = new MemoryStorage();
    storage.setItem('dcr.outbox', '{not json');
    expect(new Outbox(storage, fakeCentre().deliver).size).toBe(0);
    storage.setItem('dcr.outbox', JSON.stringify([entry('ok-1'), { key: 7 }, 'x', null]));
    expect(new Outbox(storage, fakeCentre().deliver).pending.value.map((e) => e.key)).toEqual(['ok-1']);
  });

  it('clears everything on sign-out, rejecting the waiting callers', async () => {
    const storage = new MemoryStorage();
    const outbox = new Outbox(storage, fakeCentre().deliver);
    const waiting = outbox.enqueue(entry('k-1'));
    outbox.clear(new Error('signed out'));
    await expect(waiting).rejects.toThrow('signed out');
    expect(outbox.size).toBe(0);
    expect(storage.getItem('dcr.outbox')).toBeNull();
  });
});
