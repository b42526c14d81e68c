import { describe, expect, it } from 'vitest';
import type { Alert } from '@shared/schemas/alerts.schema';
import { alertAge, levelTone, tickerItems } from './ticker';

const alert = (id: string, level: number, raisedAt: number, extra: Partial<Alert> = {}): Alert => ({
  id,
  kind: 'sla.escalation',
  severity: 'warning',
  title: `Alert ${id}`,
  message: '',
  orderId: `wo_${id}`,
  orderNumber: `WO-2026-00000${id}`,
  clockId: `clk_${id}`,
  metric: 'arrival',
  level,
  raisedAt,
  acknowledgedAt: null,
  acknowledgedBy: null,
  late: false,
  notifyRoles: ['dispatcher'],
  channels: ['in_app'],
  percentElapsed: 96.6,
  clockState: 'running',
  dueAt: raisedAt + 60_000,
  data: {},
  deliveries: { total: 1, pending: 0, sent: 1, failed: 0, dead: 0 },
  ...extra,
});

describe('alert ticker', () => {
  it('shows open alerts newest first with level badge, order, metric and percent elapsed', () => {
    const items = tickerItems([
      alert('1', 1, 1000),
      alert('2', 3, 3000, { metric: 'resolution', percentElapsed: 131.2 }),
      alert('3', 2, 2000, { acknowledgedAt: 2500, acknowledgedBy: 'dispatcher' }),
      alert('4', 0, 2000, { orderNumber: null, metric: null, percentElapsed: null, title: 'Arrivals per hour above normal' }),
    ]);
    expect(items.map((i) => [i.badge, i.tone, i.number, i.metric, i.percent])).toEqual([
      ['L3', 'l3', 'WO-2026-000002', 'Resolution', '131 %'],
      ['INFO', 'info', null, null, null],
      ['L1', 'l1', 'WO-2026-000001', 'Arrival', '97 %'],
    ]);
  });

  it('shows a clock once, at its highest open level', () => {
    const items = tickerItems([
      alert('1', 1, 1000, { clockId: 'clk_x' }),
      alert('2', 2, 1500, { clockId: 'clk_x' }),
      alert('3', 3, 1400, { clockId: 'clk_x' }),
      alert('4', 1, 1200, { clockId: 'clk_y' }),
    ]);
    expect(items.map((i) => [i.id, i.badge])).toEqual([
      ['3', 'L3'],
      ['4', 'L1'],
    ]);
  });

  it('colours levels: L1 amber, L2 orange, L3 and beyond red', () => {
    expect([0, 1, 2, 3, 5].map(levelTone)).toEqual(['info', 'l1', 'l2', 'l3', 'l3']);
  });

  it('says how long ago an alert was raised', () => {
    expect([30_000, 12 * 60_000, 3 * 3_600_000 + 59 * 60_000, 50 * 3_600_000].map(alertAge)).toEqual(['just now', '12 min ago', '3 h ago', '2 d ago']);
  });
});
