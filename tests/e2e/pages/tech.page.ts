import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export class TechPage extends AppPage {
  /** A technician's phone (their token), or staff previewing a technician by id. */
  async goto(options: { token?: string; technicianId?: string } = {}): Promise<void> {
    const path = options.technicianId ? `/tech?technician=${encodeURIComponent(options.technicianId)}` : '/tech';
    await this.open(path, options.token);
    await this.waitSettled();
  }

  get card(): Locator {
    return this.page.getByTestId('tech-card');
  }

  get orders(): Locator {
    return this.page.getByTestId('tech-order');
  }

  order(number: string): Locator {
    return this.page.locator(`[data-testid="tech-order"][data-number="${number}"]`);
  }

  /** Resolves once the order's card shows `status` (fed live by the event stream). */
  async waitOrderStatus(number: string, status: string): Promise<void> {
    await this.page.locator(`[data-testid="tech-order"][data-number="${number}"][data-status="${status}"]`).waitFor();
  }

  /** Opens an order's card (a tap) unless it is the expanded one already. */
  async expand(number: string): Promise<void> {
    const card = this.order(number);
    if ((await card.getByTestId('tech-order-panel').count()) === 0) await card.locator('button').first().click();
    await card.getByTestId('tech-order-panel').waitFor();
  }

  action(number: string, name: 'accept' | 'reject' | 'en-route' | 'on-site' | 'completed' | 'hold' | 'resume'): Locator {
    return this.order(number).getByTestId(`tech-${name}`);
  }

  /** Staff only: picks whose phone view to preview. */
  get picker(): Locator {
    return this.page.getByTestId('tech-picker');
  }
}
