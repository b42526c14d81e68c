import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

/** The desktop app's "Connect to a centre" page (`#/connect`), driven through `window.dispatchDesktop`. */
export class ConnectPage extends AppPage {
  /** Opens the page; `problem` is what main adds when a centre page failed to load. */
  async goto(problem?: 'certificate' | 'unreachable'): Promise<void> {
    await this.open(problem ? `/connect?problem=${problem}` : '/connect');
    await this.waitReady();
  }

  get address(): Locator {
    return this.page.getByLabel('Centre address');
  }

  get checkButton(): Locator {
    return this.page.getByRole('button', { name: 'Check' });
  }

  /** "Trust and connect" for a certificate the system does not trust, "Connect" otherwise. */
  get connectButton(): Locator {
    return this.page.getByRole('button', { name: /^(Trust and connect|Connect)$/ });
  }

  get useOwnCentreButton(): Locator {
    return this.page.getByRole('button', { name: "Use this computer's own centre" });
  }

  /** What the check found: version, certificate and fingerprint. */
  get result(): Locator {
    return this.page.getByTestId('centre-check');
  }

  get version(): Locator {
    return this.page.getByTestId('centre-version');
  }

  get subject(): Locator {
    return this.page.getByTestId('certificate-subject');
  }

  get fingerprint(): Locator {
    return this.page.getByTestId('certificate-fingerprint');
  }

  /** An inline failure (a probe that failed, a refused connection). */
  get error(): Locator {
    return this.page.getByTestId('connect-error');
  }

  /** Why main sent the window here (a changed certificate, an unreachable centre). */
  get problem(): Locator {
    return this.page.getByTestId('connect-problem');
  }

  get currentCentre(): Locator {
    return this.page.getByTestId('current-centre');
  }

  async check(address: string): Promise<void> {
    await this.address.fill(address);
    await this.checkButton.click();
  }
}
