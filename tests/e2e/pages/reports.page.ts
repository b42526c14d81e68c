import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export class ReportsPage extends AppPage {
  async goto(token?: string): Promise<void> {
    await this.open('/reports', token);
    await this.waitReady();
  }

  get period(): Locator {
    return this.page.getByTestId('report-period');
  }

  get policies(): Locator {
    return this.page.getByTestId('sla-policies');
  }

  /** A policy's row, found by its name. */
  policyRow(name: string): Locator {
    return this.policies.getByRole('row').filter({ hasText: name });
  }

  /** Target lines such as "Response 4 h business time". */
  get targets(): Locator {
    return this.policies.getByTestId('sla-target');
  }

  get calendars(): Locator {
    return this.page.getByTestId('calendars');
  }

  calendarRow(name: string): Locator {
    return this.calendars.getByRole('row').filter({ hasText: name });
  }
}
