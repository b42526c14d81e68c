import { describe, expect, it } from 'vitest';
import { adherenceTone, capNote, countsLine, formatInZone, formatRatio, formatSeconds, shortHash } from './figures';

describe('report figures', () => {
  it('prints ratios with one decimal and no figure for nothing counted', () => {
    expect(formatRatio(0.9234)).toBe('92.3 %');
    expect(formatRatio(1)).toBe('100.0 %');
    expect(formatRatio(0)).toBe('0.0 %');
    expect(formatRatio(null)).toBe('—');
  });

  it('colours adherence against 95 % and 85 %', () => {
    expect([0.95, 0.9499, 0.85, 0.8499, null].map(adherenceTone)).toEqual(['good', 'fair', 'fair', 'poor', 'none']);
  });

  it('spells out the counts behind a ratio', () => {
    expect(countsLine({ met: 41, missed: 3, breached: 1, counted: 45, adherence: 0.9111 })).toBe('41 met · 3 missed · 1 breached of 45');
  });

  it('prints durations short', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(245)).toBe('4 min 05 s');
    expect(formatSeconds(3 * 3600 + 300)).toBe('3 h 05');
    expect(formatSeconds(null)).toBe('—');
  });

  it('shortens hashes and states caps', () => {
    expect(shortHash('58a768d594fb7bbf2be91580a38a6b1ab087323d4f548ce19e1468499bed1d69')).toBe('58a768d594fb…');
    expect(shortHash(null)).toBe('—');
    expect(capNote({ total: 1234, cap: 500, rows: new Array(500) }, 'largest overruns')).toBe(
      '1,234 in total; the 500 largest overruns are listed (the report lists at most 500).',
    );
    expect(capNote({ total: 12, cap: 500, rows: new Array(12) }, 'largest overruns')).toBe('All 12 listed.');
  });
});

describe('report instants', () => {
  it('prints instants in the report’s zone on the 24-hour clock', () => {
    const at = Date.parse('2026-11-24T13:30:00Z');
    expect(formatInZone(at, 'Europe/Amsterdam', 'en-GB')).toBe('24 Nov 2026, 14:30');
    expect(formatInZone(at, 'America/New_York', 'en-GB')).toBe('24 Nov 2026, 08:30');
    expect(formatInZone(null, 'UTC')).toBe('—');
  });
});
