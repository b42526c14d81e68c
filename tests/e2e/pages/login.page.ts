import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export class LoginPage extends AppPage {
  async goto(redirect?: string): Promise<void> {
    await this.open(redirect ? `/login?redirect=${encodeURIComponent(redirect)}` : '/login');
    await this.waitReady();
  }

  get username(): Locator {
    return this.page.getByLabel('Username');
  }

  get password(): Locator {
    return this.page.getByLabel('Password');
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Sign in' });
  }

  /** The server's problem detail, e.g. "Unknown username or wrong password." */
  get error(): Locator {
    return this.page.getByTestId('login-error');
  }

  /** Signs in and waits for the landing view (role home or the redirect) to be ready. */
  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
    await this.page.waitForURL((url) => !url.hash.startsWith('#/login'));
    await this.waitReady();
  }
}
