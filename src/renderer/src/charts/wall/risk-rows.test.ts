import { describe, expect, it } from 'vitest';
import { clockFace, percentTone, riskCountdown, riskCounts, riskRows, rowsThatFit, type AtRiskItem } from './risk-rows';

const MIN = 60_000;
const NOW = Date.parse('2026-11-24T14:00:00Z');

const item = (orderId: string, metric: AtRiskItem['metric'], dueInMin: number, extra: Partial<AtRiskItem> = {}): AtRiskItem => ({
  orderId,
  number: `WO-2026-${orderId.padStart(6, '0')}`,
  priority: 'P2',
  customerName: `Customer ${orderId}`,
  technicianId: 'tech_0001',
  metric,
  state: dueInMin < 0 ? 'breached' : 'running',
  dueAt: NOW + dueInMin * MIN,
  percentElapsed: 90,
  predictedStopAt: NOW,
  reasons: [],
  ...extra,
});

describe('at-risk rows', () => {
  it('lists each order once, by its most urgent clock, in the server’s order', () => {
    const rows = riskRows(
      [item('1', 'arrival', -12), item('2', 'response', 5, { technicianId: null }), item('1', 'resolution', 40), item('3', 'arrival', 90, { technicianId: 'tech_9' })],
      (id) => (id === 'tech_0001' ? 'Ana Smit' : undefined),
    );
    expect(rows.map((r) => [r.number, r.metric, r.otherMetrics, r.technicianName])).toEqual([
      ['WO-2026-000001', 'arrival', ['resolution'], 'Ana Smit'],
      ['WO-2026-000002', 'response', [], null],
      ['WO-2026-000003', 'arrival', [], 'tech_9'],
    ]);
  });

  it('counts breached and at-risk orders at display time', () => {
    const rows = riskRows([item('1', 'arrival', -12), item('2', 'response', 1), item('3', 'arrival', 90)], () => undefined);
    expect(riskCounts(rows, NOW)).toEqual({ atRisk: 2, breached: 1 });
    // A minute and a bit later the second order has crossed its due instant without a new read.
    expect(riskCounts(rows, NOW + 61_000)).toEqual({ atRisk: 1, breached: 2 });
  });
});

describe('list fitting', () => {
  it('shows every row that fits, or one line fewer plus "+ N more"', () => {
    // Seven rows of 52 px, 6 px apart, take exactly 400 px.
    expect(rowsThatFit(400, 4)).toBe(4);
    expect(rowsThatFit(400, 7)).toBe(7);
    // An eighth does not fit: six rows (342 px), a gap and the 40 px "+ 2 more" line do.
    expect(rowsThatFit(400, 8)).toBe(6);
    expect(rowsThatFit(387, 8)).toBe(5);
    expect(rowsThatFit(20, 3)).toBe(1);
  });
});

describe('countdowns', () => {
  it('reads like a clock face', () => {
    expect(clockFace(4 * MIN + 7_000)).toBe('4:07');
    expect(clockFace(59_999)).toBe('0:59');
    expect(clockFace(64 * MIN + 7_000)).toBe('1:04:07');
    expect(clockFace(52 * 60 * MIN)).toBe('2 d 4 h');
  });

  it('counts down to the due instant and up since it, in red', () => {
    const due = NOW + 12 * MIN + 5_000;
    expect(riskCountdown(due, NOW)).toEqual({ face: '12:05', word: 'left', tone: 'soon' });
    expect(riskCountdown(due, NOW - 40 * MIN)).toEqual({ face: '52:05', word: 'left', tone: 'ok' });
    expect(riskCountdown(due, due)).toEqual({ face: '0:00', word: 'overdue', tone: 'overdue' });
    expect(riskCountdown(due, due + 3 * MIN + 40_000)).toEqual({ face: '3:40', word: 'overdue', tone: 'overdue' });
  });

  it('colours percent elapsed from the first warning threshold', () => {
    expect([50, 75, 99.9, 100, 140].map(percentTone)).toEqual(['ok', 'warn', 'warn', 'over', 'over']);
  });
});
