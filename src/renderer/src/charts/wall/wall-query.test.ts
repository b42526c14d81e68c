import { describe, expect, it } from 'vitest';
import { parseWallQuery } from './wall-query';

describe('wall link settings', () => {
  it('rotates every 20 s from the Now page by default', () => {
    expect(parseWallQuery({})).toEqual({ rotateMs: 20_000, page: 'now' });
  });

  it('reads the rotation interval in seconds, clamped, and 0 or off to stop', () => {
    expect(parseWallQuery({ rotate: '45' }).rotateMs).toBe(45_000);
    expect(parseWallQuery({ rotate: '1' }).rotateMs).toBe(5_000);
    expect(parseWallQuery({ rotate: '99999' }).rotateMs).toBe(3_600_000);
    expect(parseWallQuery({ rotate: '0' }).rotateMs).toBe(0);
    expect(parseWallQuery({ rotate: 'off' }).rotateMs).toBe(0);
    expect(parseWallQuery({ rotate: 'soon' }).rotateMs).toBe(20_000);
  });

  it('opens on the page named in the link', () => {
    expect(parseWallQuery({ page: 'heatmap' }).page).toBe('heatmap');
    expect(parseWallQuery({ page: ['trends', 'now'] }).page).toBe('trends');
    expect(parseWallQuery({ page: 'admin' }).page).toBe('now');
  });
});
