import type { Locator, Page } from 'playwright-core';

export interface NewOrderInput {
  /** The category's name as listed, e.g. "Water leak". */
  category: string;
  /** Typed into the customer search; the first customer whose label contains `customer` is picked. */
  customerSearch: string;
  customer: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
}

/** The manual-entry form on the board (button or the N key). */
export class NewOrderForm {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('new-order-form');
  }

  /** The inline error under a field, by the field's label. */
  fieldError(label: string): Locator {
    return this.root.locator('.n-form-item').filter({ has: this.page.getByText(label, { exact: true }) }).locator('.n-form-item-feedback');
  }

  private async pick(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.locator('.n-base-select-option').filter({ hasText: option }).first().click();
  }

  async fill(input: NewOrderInput): Promise<void> {
    await this.pick(this.root.getByTestId('order-category'), input.category);
    const customer = this.root.getByTestId('order-customer');
    await customer.click();
    await customer.locator('input').fill(input.customerSearch);
    await this.page.locator('.n-base-select-option').filter({ hasText: input.customer }).first().click();
    await this.root.getByLabel('Description').fill(input.description);
    if (input.contactName) await this.root.getByLabel('Contact', { exact: true }).fill(input.contactName);
    if (input.contactPhone) await this.root.getByLabel('Contact phone').fill(input.contactPhone);
  }

  get createButton(): Locator {
    return this.root.getByTestId('create-order');
  }
}
