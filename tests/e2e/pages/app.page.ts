import type { Locator, Page } from 'playwright-core';

export type AppState = 'loading' | 'ready' | 'error';

/**
 * What every screen shares: navigation by hash route (optionally pairing a token through the link, as a wall
 * display or a phone would), the readiness marker, the live indicator and the workstation chrome.
 */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens `#<path>`; with a token, the link pairs it (the app stores it and strips it from the address bar). */
  async open(path: string, token?: string): Promise<void> {
    const query = token ? `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : '';
    await this.page.goto(`${this.baseUrl}/#${path}${query}`);
  }

  /** Waits until the current view has loaded its data (never on a timer). */
  async waitReady(): Promise<void> {
    await this.page.locator('[data-app-state="ready"]').waitFor({ state: 'attached' });
  }

  /** Waits until the view has either loaded or failed, and says which. */
  async waitSettled(): Promise<AppState> {
    const root = this.page.locator('[data-app-state="ready"], [data-app-state="error"]');
    await root.waitFor({ state: 'attached' });
    return (await root.getAttribute('data-app-state')) as AppState;
  }

  /** The route part of the address, e.g. `/board` (the token of a pairing link must be gone). */
  routePath(): string {
    return new URL(this.page.url()).hash.replace(/^#/, '');
  }

  get liveIndicator(): Locator {
    return this.page.getByTestId('live-indicator');
  }

  /** Resolves once the live event stream is connected. */
  async waitLive(timeout = 30_000): Promise<void> {
    await this.page.locator('[data-testid="live-indicator"][data-status="live"]').first().waitFor({ timeout });
  }

  get mainNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  navLink(name: 'Board' | 'Reports' | 'Admin'): Locator {
    return this.mainNav.getByRole('link', { name, exact: true });
  }

  get signedInUser(): Locator {
    return this.page.getByTestId('signed-in-user');
  }

  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign out' });
  }

  get loadError(): Locator {
    return this.page.getByTestId('load-error');
  }

  get emptyStates(): Locator {
    return this.page.getByTestId('empty-state');
  }
}
