import type { Locator, Page } from 'playwright-core';

/** The order detail drawer of the board (or of a popped-out queue). */
export class OrderDrawer {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('order-drawer');
  }

  get number(): Locator {
    return this.root.getByTestId('order-number');
  }

  /** The status tag in the drawer's header, e.g. "Assigned". */
  get status(): Locator {
    return this.root.getByTestId('order-status');
  }

  get assignment(): Locator {
    return this.root.getByTestId('order-assignment');
  }

  get proposedTechnician(): Locator {
    return this.root.getByTestId('proposed-technician');
  }

  /** The proposed technician's id (for pairing their phone in a test). */
  async proposedTechnicianId(): Promise<string> {
    return (await this.assignment.getAttribute('data-technician-id')) ?? '';
  }

  /** Rows of the score breakdown (term, cost, why). */
  get scoreTerms(): Locator {
    return this.root.getByTestId('score-terms').locator('tbody tr');
  }

  get candidates(): Locator {
    return this.root.getByTestId('candidate-row');
  }

  get approveButton(): Locator {
    return this.root.getByTestId('approve');
  }

  /** The notice after a refused action; `data-kind` is `conflict` for a stale version. */
  get notice(): Locator {
    return this.root.getByTestId('order-notice');
  }

  /** The banner shown when the order changed (event stream) since the drawer loaded it. */
  get changedBanner(): Locator {
    return this.root.getByTestId('order-changed');
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.root.waitFor({ state: 'detached' });
  }
}
