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

  /** Staff only: picks whose phone view to preview. */
  get picker(): Locator {
    return this.page.getByTestId('tech-picker');
  }
}
