import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export type WallTile = 'open-orders' | 'at-risk' | 'breached' | 'available';
export type WallPageId = 'now' | 'trends' | 'heatmap';
export type WallMetric = 'response' | 'arrival' | 'resolution';

/** The SLA wall display: rotating pages (Now, Trends, Breach heatmap) over an alert ticker. */
export class WallPage extends AppPage {
  /** Opens the wall (pairing `token` if given) with link settings such as `{ rotate: 'off', page: 'trends' }`. */
  async goto(token?: string, settings: { rotate?: string; page?: WallPageId } = {}): Promise<void> {
    const query = new URLSearchParams(Object.entries(settings).filter(([, v]) => v !== undefined) as [string, string][]).toString();
    await this.open(query ? `/wall?${query}` : '/wall', token);
    await this.waitReady();
  }

  get root(): Locator {
    return this.page.getByTestId('wall');
  }

  /** Resolves once the kiosk has hidden the pointer and the full-screen button (no mouse movement for a while). */
  async waitIdle(): Promise<void> {
    await this.page.locator('[data-testid="wall"][data-idle="true"]').waitFor();
  }

  async currentPage(): Promise<WallPageId> {
    return (await this.root.getAttribute('data-page')) as WallPageId;
  }

  /** Shows a page as the keyboard does (1, 2, 3) and waits until it is on screen. */
  async show(page: WallPageId): Promise<void> {
    const key = { now: '1', trends: '2', heatmap: '3' }[page];
    await this.page.keyboard.press(key);
    await this.page.getByTestId(`wall-page-${page}`).waitFor();
  }

  gauge(metric: WallMetric): Locator {
    return this.page.getByTestId(`gauge-${metric}`);
  }

  /** The figure printed under a gauge's needle, e.g. "93.4 %". */
  async gaugeText(metric: WallMetric): Promise<string> {
    return (await this.gauge(metric).getByTestId('gauge-value').innerText()).trim();
  }

  /** The period a gauge counts ([from, to) as ISO instants). */
  async gaugePeriod(metric: WallMetric): Promise<{ from: string; to: string }> {
    const gauge = this.gauge(metric);
    return { from: (await gauge.getAttribute('data-from'))!, to: (await gauge.getAttribute('data-to'))! };
  }

  tile(id: WallTile): Locator {
    return this.page.getByTestId(`kpi-${id}`);
  }

  async tileValue(id: WallTile): Promise<number> {
    return Number((await this.tile(id).locator('.value').innerText()).trim());
  }

  get riskRows(): Locator {
    return this.page.getByTestId('risk-row');
  }

  riskRow(number: string): Locator {
    return this.page.locator(`[data-testid="risk-row"][data-number="${number}"]`);
  }

  /** Order numbers on the at-risk list, top to bottom. */
  async riskNumbers(): Promise<string[]> {
    return this.riskRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number') ?? ''));
  }

  /** How many more orders are at risk than the list has room for (0 when all fit). */
  async riskMore(): Promise<number> {
    const more = this.page.getByTestId('risk-more');
    return (await more.count()) ? Number(await more.getAttribute('data-count')) : 0;
  }

  get ticker(): Locator {
    return this.page.getByTestId('alert-ticker');
  }

  tickerItem(number: string): Locator {
    return this.ticker.locator(`[data-testid="ticker-item"][data-number="${number}"]`);
  }

  trend(range: '24h' | '7d' | '30d'): Locator {
    return this.page.getByTestId(`trend-${range}`);
  }

  get heatmap(): Locator {
    return this.page.getByTestId('wall-heatmap');
  }

  get progress(): Locator {
    return this.page.getByTestId('wall-progress');
  }

  get pausedBadge(): Locator {
    return this.page.getByTestId('wall-paused');
  }

  get clock(): Locator {
    return this.page.getByTestId('wall-clock');
  }
}
