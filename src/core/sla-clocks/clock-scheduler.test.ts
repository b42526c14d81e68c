import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockScheduler } from './clock-scheduler';

describe('ClockScheduler', () => {
  it('hands out due clocks earliest first, each once, and keeps the rest', () => {
    const s = new ClockScheduler();
    s.schedule('c', 30);
    s.schedule('a', 10);
    s.schedule('b', 20);
    expect(s.takeDue(5)).toEqual([]);
    expect(s.takeDue(20)).toEqual(['a', 'b']);
    expect(s.takeDue(20)).toEqual([]);
    expect(s.size).toBe(1);
    expect(s.nextAt()).toBe(30);
  });

  it('replaces a clock’s pending instant and forgets a cancelled one, without returning stale entries', () => {
    const s = new ClockScheduler();
    s.schedule('a', 10);
    s.schedule('a', 50);
    s.schedule('b', 20);
    s.cancel('b');
    expect(s.nextAt()).toBe(50);
    expect(s.takeDue(40)).toEqual([]);
    expect(s.takeDue(50)).toEqual(['a']);
    expect(s.size).toBe(0);
  });

  it('behaves like a plain map of pending instants under any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('schedule' as const), id: fc.integer({ min: 0, max: 20 }), at: fc.integer({ min: 0, max: 1000 }) }),
      fc.record({ op: fc.constant('cancel' as const), id: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ op: fc.constant('take' as const), now: fc.integer({ min: 0, max: 1000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const s = new ClockScheduler();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.op === 'schedule') {
            s.schedule(String(o.id), o.at);
            model.set(String(o.id), o.at);
          } else if (o.op === 'cancel') {
            s.cancel(String(o.id));
            model.delete(String(o.id));
          } else {
            const expected = [...model].filter(([, at]) => at <= o.now).sort((a, b) => a[1] - b[1]);
            const due = s.takeDue(o.now);
            expect(due.map((id) => model.get(id))).toEqual(expected.map(([, at]) => at));
            expect(new Set(due)).toEqual(new Set(expected.map(([id]) => id)));
            for (const id of due) model.delete(id);
          }
          expect(s.size).toBe(model.size);
          expect(s.nextAt()).toBe(model.size ? Math.min(...model.values()) : null);
        }
      }),
    );
  });

  it('with 100,000 clocks pending, a tick with nothing due pops nothing; one due clock costs one pop', () => {
    const s = new ClockScheduler();
    const base = Date.parse('2026-03-02T09:00:00Z');
    // Deterministic spread of instants over the next week.
    s.load(Array.from({ length: 100_000 }, (_, i) => [`clk_${i}`, base + 60_000 + ((i * 7919) % 604_800) * 1000] as const));
    expect(s.size).toBe(100_000);
    expect(s.takeDue(base)).toEqual([]);
    expect(s.popped).toBe(0);
    s.schedule('clk_soon', base + 1000);
    expect(s.takeDue(base + 1000)).toEqual(['clk_soon']);
    expect(s.popped).toBe(1);
    expect(s.size).toBe(100_000);
  });

  it('keeps its heap within twice the live clocks however often they are rescheduled', () => {
    const s = new ClockScheduler();
    for (let round = 0; round < 50; round++) for (let i = 0; i < 1000; i++) s.schedule(`c${i}`, round * 1000 + i);
    expect(s.size).toBe(1000);
    expect((s as unknown as { instants: number[] }).instants.length).toBeLessThanOrEqual(2 * 1000 + 1024);
    expect(s.takeDue(Number.MAX_SAFE_INTEGER)).toHaveLength(1000);
  });
});
