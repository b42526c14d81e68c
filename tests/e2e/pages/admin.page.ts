import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export type AdminTab = 'Users' | 'API keys' | 'Categories' | 'Calendars' | 'SLA policies' | 'Technicians';
export type KeyKind = 'Integration' | 'Technician device' | 'Wall display';

export class AdminPage extends AppPage {
  async goto(token?: string): Promise<void> {
    await this.open('/admin', token);
    await this.waitReady();
  }

  /** Tabs are labelled with their count, e.g. "Users (4)". */
  tab(name: AdminTab): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  async openTab(name: AdminTab): Promise<void> {
    await this.tab(name).click();
  }

  // Users
  get usersTable(): Locator {
    return this.page.getByTestId('users-table');
  }

  userRow(username: string): Locator {
    return this.usersTable.getByRole('row').filter({ hasText: username });
  }

  get userForm(): Locator {
    return this.page.getByTestId('user-create-form');
  }

  /** Fills the create-user form; the role is picked from its select by label (e.g. "Manager"). */
  async fillUser(user: { username: string; displayName: string; password: string; role?: string }): Promise<void> {
    await this.userForm.getByLabel('Username').fill(user.username);
    await this.userForm.getByLabel('Display name').fill(user.displayName);
    await this.userForm.getByLabel('Initial password').fill(user.password);
    if (user.role) {
      await this.userForm.getByTestId('user-role').click();
      await this.page.locator('.n-base-select-option').filter({ hasText: user.role }).first().click();
    }
  }

  get createUserButton(): Locator {
    return this.userForm.getByRole('button', { name: 'Create user' });
  }

  /** The inline error under a form field, by the field's label. */
  fieldError(form: Locator, label: string): Locator {
    return form.locator('.n-form-item').filter({ has: this.page.getByText(label, { exact: true }) }).locator('.n-form-item-feedback');
  }

  // API keys
  get keysTable(): Locator {
    return this.page.getByTestId('api-keys-table');
  }

  keyRow(name: string): Locator {
    return this.keysTable.getByRole('row').filter({ hasText: name });
  }

  get createKeyButton(): Locator {
    return this.page.getByTestId('create-api-key');
  }

  get keyForm(): Locator {
    return this.page.getByTestId('api-key-create-form');
  }

  async createKey(kind: KeyKind, name: string): Promise<void> {
    await this.createKeyButton.click();
    await this.keyForm.getByText(kind, { exact: true }).click();
    await this.keyForm.getByLabel('Name').fill(name);
    await this.keyForm.getByRole('button', { name: 'Create key' }).click();
  }

  get secretDialog(): Locator {
    return this.page.getByTestId('secret-dialog');
  }

  /** The one-time secret shown after creating a key. */
  async secret(): Promise<string> {
    return this.secretDialog.getByRole('textbox', { name: 'Secret' }).inputValue();
  }

  async pairingLink(): Promise<string> {
    return this.secretDialog.getByRole('textbox', { name: 'Pairing link' }).inputValue();
  }

  async closeSecretDialog(): Promise<void> {
    await this.secretDialog.getByRole('button', { name: 'I have stored the secret' }).click();
    await this.secretDialog.waitFor({ state: 'detached' });
  }

  /** Revokes through the confirmation dialog. */
  async revokeKey(name: string): Promise<void> {
    await this.keyRow(name).getByRole('button', { name: 'Revoke' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  }
}
