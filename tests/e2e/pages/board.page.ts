import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export type BoardFigure = 'open' | 'unassigned' | 'p1' | 'p2' | 'available';

export class BoardPage extends AppPage {
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

  get queueEmpty(): Locator {
    return this.queue.getByTestId('empty-state');
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

  figure(key: BoardFigure): Locator {
    return this.page.getByTestId(`figure-${key}`);
  }

  async figureValue(key: BoardFigure): Promise<string> {
    return (await this.figure(key).locator('.value').innerText()).trim();
  }
}
