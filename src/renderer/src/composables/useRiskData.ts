import { shallowRef } from 'vue';
import type { MethodOutput } from '@shared/contract';
import type { Alert } from '@shared/schemas/alerts.schema';
import { api } from '../api';
import type { AtRiskItem, Proposal, Unresolved } from '../components/risk/risk-model';

export type RiskTopic = 'risk' | 'proposals' | 'alerts' | 'actions';
export type CorrectiveActionRow = MethodOutput<'correctiveActions.list'>['items'][number];
export type Effectiveness = MethodOutput<'reallocation.effectiveness'>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The corrective actions shown: the last 30 days, the span a dispatcher's review looks back on. */
export const ACTIONS_DAYS = 30;
const AT_RISK_LIMIT = 500;
const ALERT_LIMIT = 200;

/**
 * What the SLA risk screen shows, loaded per topic so an event re-reads only what it can have changed. The
 * server's own `now` (answers carry it) sets the screen's clock, so countdowns agree with the server even when it
 * runs on simulated time or the workstation's clock is off.
 */
export function useRiskData() {
  const atRisk = shallowRef<AtRiskItem[]>([]);
  const proposals = shallowRef<Proposal[]>([]);
  const unresolved = shallowRef<Unresolved[]>([]);
  const alerts = shallowRef<Alert[]>([]);
  const actions = shallowRef<CorrectiveActionRow[]>([]);
  const effectiveness = shallowRef<Effectiveness | null>(null);
  /** Server time minus this window's time, as of the last answer that carried it. */
  const skew = shallowRef(0);

  const learnNow = (serverNow: number): void => {
    skew.value = serverNow - Date.now();
  };
  const serverNow = (): number => Date.now() + skew.value;

  const loaders: Record<RiskTopic, () => Promise<void>> = {
    async risk() {
      const result = await api.call('sla.atRisk', { limit: AT_RISK_LIMIT });
      learnNow(result.now);
      atRisk.value = result.items;
    },
    async proposals() {
      const result = await api.call('reallocation.proposals', {});
      learnNow(result.now);
      proposals.value = result.proposals;
      unresolved.value = result.unresolved;
    },
    async alerts() {
      const result = await api.call('alerts.list', { status: 'open', limit: ALERT_LIMIT });
      learnNow(result.now);
      alerts.value = result.items;
    },
    async actions() {
      // A minute past now, so an action applied this instant is inside the period whatever the clocks' skew.
      const to = serverNow() + 60_000;
      const period = { from: new Date(to - ACTIONS_DAYS * DAY_MS).toISOString(), to: new Date(to).toISOString() };
      const [list, figures] = await Promise.all([api.call('correctiveActions.list', period), api.call('reallocation.effectiveness', period)]);
      actions.value = [...list.items].reverse();
      effectiveness.value = figures;
    },
  };

  async function loadAll(): Promise<void> {
    await Promise.all(Object.values(loaders).map((load) => load()));
  }

  return { atRisk, proposals, unresolved, alerts, actions, effectiveness, skew, loaders, loadAll };
}

export type RiskData = ReturnType<typeof useRiskData>;
