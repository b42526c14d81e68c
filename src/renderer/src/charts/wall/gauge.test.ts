import { describe, expect, it } from 'vitest';
import { adherenceBand, formatAdherence, WALL } from './bands';
import { adherenceGaugeOption, dialGeometry, gaugeBandStops, gaugeFigure } from './gauge';

interface Series {
  id: string;
  data: { value: number }[];
  progress?: { show: boolean; width: number; itemStyle: { color: string } };
  axisLabel: { show?: boolean; formatter?: (v: number) => string };
  axisLine: { lineStyle: { color: [number, string][] } };
}
const BOX = { width: 440, height: 230 };
const series = (adherence: number | null, box = BOX) => adherenceGaugeOption(adherence, box).series as Series[];
const value = (adherence: number | null, box = BOX) => series(adherence, box).find((s) => s.id === 'adherence')!;

describe('adherence bands', () => {
  it('puts 93 % in amber, with each threshold in the better band', () => {
    expect(adherenceBand(0.93)).toBe('amber');
    expect(adherenceBand(0.7999)).toBe('red');
    expect(adherenceBand(0.8)).toBe('amber');
    expect(adherenceBand(0.9499)).toBe('amber');
    expect(adherenceBand(0.95)).toBe('green');
    expect(adherenceBand(1)).toBe('green');
    expect(adherenceBand(null)).toBe('none');
  });

  it('formats adherence with one decimal, and a dash when there is nothing to count', () => {
    expect(formatAdherence(0.9342)).toBe('93.4 %');
    expect(formatAdherence(1)).toBe('100.0 %');
    expect(formatAdherence(0)).toBe('0.0 %');
    expect(formatAdherence(null)).toBe('—');
  });
});

describe('adherence gauge', () => {
  it('rings the dial with the bands at 80 % and 95 % of a 50–100 % scale', () => {
    expect(gaugeBandStops()).toEqual([
      [0.6, WALL.red],
      [0.9, WALL.amber],
      [1, WALL.green],
    ]);
    expect(series(0.9).find((s) => s.id === 'bands')!.axisLine.lineStyle.color).toEqual(gaugeBandStops());
  });

  it('fills 0.93 up to 93 in amber and prints 93.0 %', () => {
    const g = value(0.93);
    expect(g.data[0]!.value).toBe(93);
    expect(g.progress!.itemStyle.color).toBe(WALL.amber);
    expect(gaugeFigure(0.93)).toEqual({ text: '93.0 %', color: WALL.amber });
  });

  it('keeps the arc on the scale but tells the true figure', () => {
    expect(value(0.42).data[0]!.value).toBe(50);
    expect(gaugeFigure(0.42)).toEqual({ text: '42.0 %', color: WALL.red });
    expect(value(0.987).progress!.itemStyle.color).toBe(WALL.green);
  });

  it('labels only the thresholds', () => {
    const label = series(0.99).find((s) => s.id === 'bands')!.axisLabel.formatter!;
    expect([50, 55, 80, 85, 95, 100].map(label)).toEqual(['', '', '80', '', '95', '']);
  });

  it('draws no arc when nothing was measured', () => {
    expect(value(null).data[0]!.value).toBe(50);
    expect(gaugeFigure(null)).toEqual({ text: '—', color: WALL.muted });
  });

  it('fits the largest half circle into its box', () => {
    // Centred at the bottom middle; limited by the height, the ring reaches to just under the top edge.
    expect(dialGeometry(600, 230)).toEqual({ cx: 300, cy: 226, ring: 222, arc: 172, arcWidth: 34 });
    // Limited by the width.
    expect(dialGeometry(440, 230)).toEqual({ cx: 220, cy: 226, ring: 214, arc: 164, arcWidth: 34 });
    expect(dialGeometry(300, 230)).toEqual({ cx: 150, cy: 226, ring: 144, arc: 94, arcWidth: 23 });
    expect(value(0.9).progress!.width).toBe(34);
  });
});
