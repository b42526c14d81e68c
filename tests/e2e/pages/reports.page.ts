import type { Download, Locator } from 'playwright-core';
import { AppPage } from './app.page';

export type ReportMetric = 'response' | 'arrival' | 'resolution';
export type PeriodPreset = 'last7' | 'lastMonth' | 'thisQuarter' | 'last12Months';

export class ReportsPage extends AppPage {
  async goto(token?: string): Promise<void> {
    await this.open('/reports', token);
    await this.waitReady();
  }

  get period(): Locator {
    return this.page.getByTestId('report-period');
  }

  presetButton(preset: PeriodPreset): Locator {
    return this.page.locator(`[data-testid="period-presets"] [data-preset="${preset}"]`);
  }

  /** One of the filter selects. */
  filter(name: 'customer' | 'priority' | 'region' | 'category'): Locator {
    return this.page.getByTestId(`filter-${name}`);
  }

  /** Opens a filter and picks the option showing `label` (e.g. "P1 Critical"). */
  async chooseFilter(name: 'customer' | 'priority' | 'region' | 'category', label: string): Promise<void> {
    await this.filter(name).click();
    await this.page.locator('.n-base-select-option').filter({ hasText: label }).first().click();
  }

  get previewButton(): Locator {
    return this.page.getByTestId('report-preview-button');
  }

  get preview(): Locator {
    return this.page.getByTestId('report-preview');
  }

  /** Resolves once a preview for the form's current query is on screen (none pending, none stale). */
  async waitPreview(): Promise<void> {
    await this.page.locator('[data-testid="report-preview"]:not(.stale)').waitFor();
    await this.page.locator('[data-testid="report-preview-button"]:not(.n-button--loading)').waitFor();
  }

  /** The period the preview on screen describes, as the ISO instants the server returned. */
  async previewPeriod(): Promise<{ from: string; to: string; timeZone: string }> {
    const [from, to, timeZone] = await Promise.all(['data-from', 'data-to', 'data-time-zone'].map((a) => this.preview.getAttribute(a)));
    return { from: from!, to: to!, timeZone: timeZone! };
  }

  headline(metric: ReportMetric): Locator {
    return this.page.getByTestId(`headline-${metric}`);
  }

  /** The headline card's big figure ("92.3 %") and its counts ("41 met 3 missed 1 breached of 45 counted"). */
  async headlineText(metric: ReportMetric): Promise<{ value: string; counts: string }> {
    const card = this.headline(metric);
    const parts = await card.locator('[data-testid="headline-counts"] > span').allInnerTexts();
    return { value: (await card.getByTestId('headline-value').innerText()).trim(), counts: parts.map((p) => p.trim()).join(' ') };
  }

  get trend(): Locator {
    return this.page.getByTestId('report-trend');
  }

  get audit(): Locator {
    return this.page.getByTestId('report-audit');
  }

  get breaches(): Locator {
    return this.page.getByTestId('report-breaches');
  }

  get breachCapNote(): Locator {
    return this.page.getByTestId('breach-cap-note');
  }

  get correctiveActions(): Locator {
    return this.page.getByTestId('report-corrective-actions');
  }

  /** Clicks "Download PDF" / "Download CSV" and returns the download the browser received. */
  async download(format: 'pdf' | 'csv'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Download ${format.toUpperCase()}` }).click(),
    ]);
    return download;
  }

  tab(name: 'Compliance report' | 'SLA policies & calendars'): Locator {
    return this.page.getByRole('tab', { name });
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
