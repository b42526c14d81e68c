import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';
import { NewOrderForm } from './new-order.page';
import { OrderDrawer } from './order-drawer.page';

export type BoardFigure = 'open' | 'unassigned' | 'p1' | 'p2' | 'available';
export type PanelName = 'queue' | 'map' | 'roster' | 'timeline';

export class BoardPage extends AppPage {
  readonly drawer = new OrderDrawer(this.page);
  readonly newOrder = new NewOrderForm(this.page);

  async goto(token?: string): Promise<void> {
    await this.open('/board', token);
    await this.waitReady();
  }

  get queue(): Locator {
    return this.page.getByTestId('work-order-queue');
  }

  get queueRows(): Locator {
    return this.queue.getByTestId('work-order-row');
  }

  /** A queue row by its human number, e.g. `WO-2026-000123`. */
  queueRow(number: string): Locator {
    return this.queue.locator(`[data-testid="work-order-row"][data-number="${number}"]`);
  }

  /** Resolves once the row shows `status` (the board is fed by the event stream, never reloaded). */
  async waitRowStatus(number: string, status: string): Promise<void> {
    await this.queue.locator(`[data-testid="work-order-row"][data-number="${number}"][data-status="${status}"]`).waitFor();
  }

  /** Opens the order's detail drawer by clicking its row. */
  async openOrder(number: string): Promise<void> {
    await this.queueRow(number).click();
    await this.drawer.number.filter({ hasText: number }).waitFor();
    await this.drawer.status.waitFor();
  }

  get queueEmpty(): Locator {
    return this.queue.getByTestId('empty-state');
  }

  get queueSearch(): Locator {
    return this.queue.getByRole('textbox', { name: 'Search the queue' });
  }

  get roster(): Locator {
    return this.page.getByTestId('technician-roster');
  }

  get rosterRows(): Locator {
    return this.roster.getByTestId('technician-row');
  }

  rosterRow(name: string): Locator {
    return this.roster.locator(`[data-testid="technician-row"][data-name="${name}"]`);
  }

  /** The map panel; its chart is a canvas, so tests assert on the store-fed tables and figures instead. */
  get map(): Locator {
    return this.page.getByTestId('dispatch-map');
  }

  /** The button that opens a panel in a window of its own. */
  popOutButton(panel: PanelName): Locator {
    return this.page.getByTestId(`pop-out-${panel}`);
  }

  figure(key: BoardFigure): Locator {
    return this.page.getByTestId(`figure-${key}`);
  }

  async figureValue(key: BoardFigure): Promise<string> {
    return (await this.figure(key).locator('.value').innerText()).trim();
  }
}
