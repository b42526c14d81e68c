import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/db/ids';

describe('newId', () => {
  it('is the prefix, an underscore and 20 Crockford base32 characters', () => {
    expect(newId('wo', Date.UTC(2026, 0, 1))).toMatch(/^wo_[0-9a-hjkmnp-tv-z]{20}$/);
  });

  it('encodes the instant in the first 10 characters', () => {
    expect(newId('x', Date.UTC(2026, 0, 1)).slice(2, 12)).toBe('01kdvdna00');
  });

  it('sorts by creation, within one millisecond and when the clock steps back', () => {
    const ids = [newId('a', 2_000_000_000_000), newId('a', 2_000_000_000_000), newId('a', 1_999_999_999_000)];
    ids.push(newId('a', 2_000_000_000_001));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });

  it('does not repeat over many calls', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('t'));
    expect(new Set(ids).size).toBe(10_000);
  });
});
