import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/demo/prng';

const draw = (seed: number, n: number) => {
  const rng = new Prng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('Prng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draw(42, 5)).toEqual(draw(42, 5));
    expect(draw(43, 5)).not.toEqual(draw(42, 5));
  });

  it('matches the reference mulberry32 output', () => {
    // First outputs of the published mulberry32 for seed 1, scaled to [0, 1).
    expect(draw(1, 3).map((x) => Math.round(x * 2 ** 32))).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const rng = new Prng(7);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 5)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  it('shuffles without losing or duplicating items', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Prng(9).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
