import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

/** The SLA risk screen (`#/risk`): at-risk orders, reallocation proposals, open alerts, corrective actions. */
export class RiskPage extends AppPage {
  async goto(token?: string): Promise<void> {
    await this.open('/risk', token);
    await this.waitReady();
  }

  get navEntry(): Locator {
    return this.mainNav.getByRole('link', { name: 'SLA risk', exact: true });
  }

  get orders(): Locator {
    return this.page.getByTestId('risk-order');
  }

  /** An at-risk order's row (`data-state` is `breached` or `at-risk`). */
  order(number: string): Locator {
    return this.page.locator(`[data-testid="risk-order"][data-number="${number}"]`);
  }

  countdown(number: string, metric: string): Locator {
    return this.order(number).locator(`[data-testid="risk-clock"][data-metric="${metric}"] [data-testid="risk-countdown"]`);
  }

  proposalGroup(number: string): Locator {
    return this.page.locator(`[data-testid="proposal-group"][data-order="${number}"]`);
  }

  /** A proposed technician for an order. */
  proposal(number: string, technicianName: string): Locator {
    return this.page.locator(`[data-testid="proposal"][data-order="${number}"][data-technician="${technicianName}"]`);
  }

  applyButton(number: string, technicianName: string): Locator {
    return this.proposal(number, technicianName).getByTestId('proposal-apply');
  }

  get applyNotice(): Locator {
    return this.page.getByTestId('apply-notice');
  }

  get alerts(): Locator {
    return this.page.getByTestId('alert-row');
  }

  alert(id: string): Locator {
    return this.page.locator(`[data-testid="alert-row"][data-id="${id}"]`);
  }

  alertsOf(number: string): Locator {
    return this.page.locator(`[data-testid="alert-row"][data-order="${number}"]`);
  }

  acknowledgeButton(id: string): Locator {
    return this.alert(id).getByTestId('alert-acknowledge');
  }

  get actions(): Locator {
    return this.page.getByTestId('action-row');
  }

  action(number: string): Locator {
    return this.page.locator(`[data-testid="action-row"][data-order="${number}"]`);
  }

  get effectiveness(): Locator {
    return this.page.getByTestId('risk-effectiveness');
  }

  figure(key: 'breached' | 'at-risk' | 'alerts' | 'proposals' | 'effectiveness'): Locator {
    return this.page.getByTestId(`risk-figure-${key}`).locator('.value');
  }
}
