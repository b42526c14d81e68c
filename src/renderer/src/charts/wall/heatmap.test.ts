import { describe, expect, it } from 'vitest';
import { WALL } from './bands';
import { breachHeatmapOption, heatCells, worstHour, worstRegion, type BreachHeatmap } from './heatmap';

const hours = (cells: Record<number, number>) => Array.from({ length: 24 }, (_, h) => cells[h] ?? 0);
const HEATMAP: BreachHeatmap = {
  range: '7d',
  timeZone: 'Europe/Amsterdam',
  from: 0,
  to: 1,
  rows: [
    { key: 'reg_north', label: 'North Bank', hours: hours({ 9: 4, 17: 1 }), total: 5 },
    { key: 'reg_old', label: 'Old Town', hours: hours({ 9: 2, 10: 1 }), total: 3 },
  ],
  total: 8,
  max: 4,
};

describe('breach heatmap', () => {
  it('has a cell per region and hour, numbered where there were breaches', () => {
    const cells = heatCells(HEATMAP);
    expect(cells).toHaveLength(48);
    const shown = cells.filter((c) => c.label.show).map((c) => c.value);
    expect(shown).toEqual([
      [9, 0, 4],
      [17, 0, 1],
      [9, 1, 2],
      [10, 1, 1],
    ]);
    // Dark figures on the bright (worst) cells, white on the dark ones.
    expect(cells.find((c) => c.value[0] === 9 && c.value[1] === 0)!.label.color).toBe(WALL.bg);
    expect(cells.find((c) => c.value[0] === 17 && c.value[1] === 0)!.label.color).toBe(WALL.text);
  });

  it('scales colours to the worst cell and totals each region', () => {
    const option = breachHeatmapOption(HEATMAP);
    expect((option.visualMap as { max: number }).max).toBe(4);
    const totals = (option.series as { id: string; data: number[] }[]).find((s) => s.id === 'totals')!;
    expect(totals.data).toEqual([5, 3]);
    expect((option.yAxis as { data: string[] }[])[0]!.data).toEqual(['North Bank', 'Old Town']);
  });

  it('names the worst hour and region', () => {
    expect(worstHour(HEATMAP)).toEqual({ hour: '09', count: 6 });
    expect(worstRegion(HEATMAP)).toEqual({ label: 'North Bank', count: 5 });
    const quiet = { rows: [{ ...HEATMAP.rows[0]!, hours: hours({}), total: 0 }] };
    expect(worstHour(quiet)).toBeNull();
    expect(worstRegion(quiet)).toBeNull();
  });
});
