import type { Locator, Page } from 'playwright-core';
import { AppPage } from './app.page';
import { NewOrderForm } from './new-order.page';
import { OrderDrawer } from './order-drawer.page';

export type BoardFigure = 'open' | 'unassigned' | 'p1' | 'p2' | 'available';
export type PanelName = 'queue' | 'map' | 'roster' | 'timeline';
export type ChartName = 'map' | 'timeline';

/** The part of an ECharts instance the probe uses (the renderer publishes them as `window.dcrCharts`). */
interface ChartHandle {
  getOption(): { series: unknown };
  convertToPixel(finder: unknown, value: number[]): unknown;
  containPixel(finder: unknown, value: number[]): boolean;
  getDom(): { getBoundingClientRect(): { left: number; top: number } };
}

declare global {
  interface Window {
    dcrCharts?: Record<string, ChartHandle | undefined>;
  }
}

/** A data item of a chart series as the app hands it to ECharts (see src/renderer/src/charts). */
export interface ChartItem {
  id: string;
  name: string;
  value: number[];
}

/** What a chart draws, read through its ECharts instance (`window.dcrCharts`): a canvas has no DOM to query. */
export class ChartProbe {
  constructor(
    readonly page: Page,
    readonly name: ChartName,
    readonly root: Locator,
  ) {}

  /** Resolves once the chart exists and has drawn its first frame. */
  async ready(): Promise<void> {
    await this.root.locator('canvas').first().waitFor();
    await this.page.waitForFunction((name) => window.dcrCharts?.[name] !== undefined, this.name);
  }

  /** The data of one series by id, e.g. `orders-P1`, `technicians-busy`, `timeline-proposed`. */
  async seriesData(seriesId: string): Promise<ChartItem[]> {
    return this.page.evaluate(
      ([name, id]) => {
        const series = (window.dcrCharts![name]!.getOption().series as { id?: string; data?: unknown[] }[]).find((s) => s.id === id);
        return JSON.parse(JSON.stringify(series?.data ?? [])) as ChartItem[];
      },
      [this.name, seriesId] as const,
    );
  }

  /** Every item of the series whose id starts with `prefix` (all order pins: `orders-`). */
  async items(prefix: string): Promise<ChartItem[]> {
    return this.page.evaluate(
      ([name, start]) => {
        const all = (window.dcrCharts![name]!.getOption().series as { id?: string; data?: unknown[] }[]).filter((s) => s.id?.startsWith(start));
        return JSON.parse(JSON.stringify(all.flatMap((s) => s.data ?? []))) as ChartItem[];
      },
      [this.name, prefix] as const,
    );
  }

  /** The name of the map registered for the `geo` component, and the regions it shades. */
  async geo(): Promise<{ map: string | null; regions: string[] }> {
    return this.page.evaluate((name) => {
      const option = window.dcrCharts![name]!.getOption() as { geo?: { map?: string }[]; series: { id?: string; data?: { name: string }[] }[] };
      const load = option.series.find((s) => s.id === 'region-load');
      return { map: option.geo?.[0]?.map ?? null, regions: (load?.data ?? []).map((d) => d.name) };
    }, this.name);
  }

  /**
   * Where a value sits on the page (for hovering and clicking it): `finder` as ECharts' convertToPixel takes it,
   * e.g. `{ geoIndex: 0 }` with [lon, lat], or `{ gridIndex: 0 }` with [time, row]. Null when off the chart.
   */
  async pagePoint(finder: Record<string, number | string>, value: number[]): Promise<{ x: number; y: number } | null> {
    return this.page.evaluate(
      ([name, find, at]) => {
        const chart = window.dcrCharts![name]!;
        const [x, y] = chart.convertToPixel(find as never, at) as unknown as number[];
        const box = chart.getDom().getBoundingClientRect();
        const inside = chart.containPixel(find as never, [x!, y!]);
        return inside ? { x: box.left + x!, y: box.top + y! } : null;
      },
      [this.name, finder, value] as const,
    );
  }

  /** The tooltip ECharts shows while the pointer rests on a mark. */
  get tooltip(): Locator {
    return this.root.locator('div[style*="z-index: 9999999"]').filter({ visible: true });
  }
}

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

  /** The map panel; its chart is a canvas, read through `mapChart`. */
  get map(): Locator {
    return this.page.getByTestId('dispatch-map');
  }

  get mapChart(): ChartProbe {
    return new ChartProbe(this.page, 'map', this.map);
  }

  get timeline(): Locator {
    return this.page.getByTestId('timeline');
  }

  get timelineChart(): ChartProbe {
    return new ChartProbe(this.page, 'timeline', this.timeline);
  }

  /** The placeholder a popped-out panel leaves on the board ("Map is open in its own window · Bring back"). */
  poppedPlaceholder(panel: PanelName): Locator {
    return this.page.getByTestId(`popped-${panel}`);
  }

  bringBackButton(panel: PanelName): Locator {
    return this.page.getByTestId(`bring-back-${panel}`);
  }

  /** Pops a panel out and returns its window, loaded (its own sign-in from storage, its own event stream). */
  async popOut(panel: PanelName, viewport?: { width: number; height: number }): Promise<Page> {
    const [popup] = await Promise.all([this.page.context().waitForEvent('page'), this.popOutButton(panel).click()]);
    if (viewport) await popup.setViewportSize(viewport);
    await popup.locator(`[data-panel="${panel}"]`).waitFor();
    await popup.locator('[data-app-state="ready"]').waitFor({ state: 'attached' });
    return popup;
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
