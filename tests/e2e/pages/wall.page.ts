import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export type WallTile = 'open-orders' | 'technicians' | 'available' | 'customers';

export class WallPage extends AppPage {
  async goto(token?: string): Promise<void> {
    await this.open('/wall', token);
    await this.waitReady();
  }

  tile(id: WallTile): Locator {
    return this.page.getByTestId(`kpi-${id}`);
  }

  async tileValue(id: WallTile): Promise<number> {
    return Number((await this.tile(id).locator('.value').innerText()).trim());
  }

  get statusChart(): Locator {
    return this.page.getByTestId('wall-status-chart');
  }

  get regionChart(): Locator {
    return this.page.getByTestId('wall-region-chart');
  }

  get clock(): Locator {
    return this.page.getByTestId('wall-clock');
  }
}
