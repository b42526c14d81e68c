import { describe, expect, it } from 'vitest';
import { applyInput, clockCountdown, groupAtRisk, groupProposals, isOverdue, percentText, percentTone, versusDue, type AtRiskItem, type Proposal } from './risk-model';

const T = Date.parse('2026-11-24T13:30:00Z');
const MIN = 60_000;

const item = (over: Partial<AtRiskItem>): AtRiskItem => ({
  orderId: 'wo_a',
  number: 'WO-2026-000001',
  priority: 'P1',
  customerName: 'Anchor Theatre',
  technicianId: 'tech_0043',
  metric: 'response',
  state: 'running',
  dueAt: T,
  percentElapsed: 80,
  predictedStopAt: T + MIN,
  reasons: [],
  ...over,
});

const proposal = (over: Partial<Proposal>): Proposal => ({
  kind: 'move',
  rank: 1,
  orderId: 'wo_a',
  orderNumber: 'WO-2026-000001',
  priority: 'P1',
  status: 'dispatched',
  version: 4,
  metric: 'arrival',
  dueAt: T + 20 * MIN,
  currentTechnicianId: 'tech_0043',
  currentTechnicianName: 'Marco Hoekstra',
  currentPredictedArrivalAt: T + 21.3 * MIN,
  technicianId: 'tech_0024',
  technicianName: 'Tess de Groot',
  predictedArrivalAt: T + 7.3 * MIN,
  predictedStopAt: T + 7.3 * MIN,
  minutesSaved: 14,
  otherOrder: null,
  reasons: [],
  ...over,
});

describe('SLA risk rows', () => {
  it('lists each order once with its clocks, earliest due first, and every reason once', () => {
    const rows = groupAtRisk([
      item({ orderId: 'wo_b', number: 'WO-2026-000002', priority: 'P2', metric: 'arrival', dueAt: T + 30 * MIN, reasons: ['late arrival'] }),
      item({ metric: 'arrival', dueAt: T + 20 * MIN, reasons: ['predicted arrival 2 min after its due time', 'shared'] }),
      item({ metric: 'response', state: 'breached', dueAt: T - 50 * MIN, reasons: ['333 % of the response target elapsed', 'shared'] }),
    ]);
    expect(rows.map((r) => [r.number, r.firstDueAt - T, r.clocks.map((c) => c.metric)])).toEqual([
      ['WO-2026-000001', -50 * MIN, ['response', 'arrival']],
      ['WO-2026-000002', 30 * MIN, ['arrival']],
    ]);
    expect(rows[0]!.reasons).toEqual(['predicted arrival 2 min after its due time', 'shared', '333 % of the response target elapsed']);
  });

  it('orders equal due instants by priority', () => {
    const rows = groupAtRisk([item({ orderId: 'wo_p3', number: 'WO-3', priority: 'P3' }), item({ orderId: 'wo_p1', number: 'WO-9', priority: 'P1' })]);
    expect(rows.map((r) => r.number)).toEqual(['WO-9', 'WO-3']);
  });

  it('counts down to the due instant and then up past it', () => {
    expect(clockCountdown({ metric: 'arrival', dueAt: T + 23 * MIN }, T)).toEqual({ text: 'arrival in 23 min', overdue: false });
    expect(clockCountdown({ metric: 'response', dueAt: T - 4 * MIN - 5000 }, T)).toEqual({ text: 'response overdue 4 min 05 s', overdue: true });
    expect(isOverdue({ state: 'running', dueAt: T }, T)).toBe(true);
    expect(isOverdue({ state: 'running', dueAt: T + 1 }, T)).toBe(false);
    expect(isOverdue({ state: 'breached', dueAt: T + MIN }, T)).toBe(true);
  });

  it('reads percent elapsed as a whole number with a tone', () => {
    expect([percentText(74.99), percentText(233.33), percentText(null)]).toEqual(['74 %', '233 %', '—']);
    expect([percentTone(74.9), percentTone(75), percentTone(100), percentTone(null)]).toEqual(['ok', 'warn', 'over', 'ok']);
  });
});

describe('reallocation proposals', () => {
  it('groups proposals per order and metric, best rank first, most urgent order first', () => {
    const groups = groupProposals([
      proposal({ orderId: 'wo_b', orderNumber: 'WO-2', dueAt: T + 40 * MIN }),
      proposal({ rank: 2, technicianId: 'tech_0030', technicianName: 'Noah de Groot', minutesSaved: 13.6 }),
      proposal({}),
    ]);
    expect(groups.map((g) => [g.key, g.options.map((o) => o.technicianName)])).toEqual([
      ['wo_a:arrival', ['Tess de Groot', 'Noah de Groot']],
      ['wo_b:arrival', ['Tess de Groot']],
    ]);
    expect(groups[0]).toMatchObject({ currentTechnicianName: 'Marco Hoekstra', dueAt: T + 20 * MIN });
  });

  it('compares a predicted instant with the due instant', () => {
    expect(versusDue(T + 7.3 * MIN, T + 20 * MIN)).toEqual({ text: '12 min before due', late: false });
    expect(versusDue(T + 21.3 * MIN, T + 20 * MIN)).toEqual({ text: '1 min 18 s after due', late: true });
  });

  it('applies a move with the order’s version, a swap with both versions', () => {
    expect(applyInput(proposal({}))).toEqual({ orderId: 'wo_a', version: 4, metric: 'arrival', technicianId: 'tech_0024' });
    const swap = proposal({
      kind: 'swap',
      otherOrder: {
        orderId: 'wo_low',
        orderNumber: 'WO-7',
        priority: 'P4',
        version: 9,
        fromTechnicianId: 'tech_0024',
        toTechnicianId: 'tech_0043',
        toTechnicianName: 'Marco Hoekstra',
        predictedArrivalAt: T + 60 * MIN,
        dueAt: T + 300 * MIN,
      },
    });
    expect(applyInput(swap)).toEqual({ orderId: 'wo_a', version: 4, metric: 'arrival', technicianId: 'tech_0024', otherOrderId: 'wo_low', otherVersion: 9 });
  });
});
