import type { Locator } from 'playwright-core';
import { AppPage } from './app.page';

export type AdminTab =
  | 'SLA policies'
  | 'Calendars'
  | 'Escalation protocols'
  | 'Categories'
  | 'Skills'
  | 'Vehicles'
  | 'Technicians'
  | 'Users'
  | 'API keys'
  | 'Alert channels'
  | 'Dispatch';
export type KeyKind = 'Integration' | 'Technician device' | 'Wall display';
export type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

export interface PolicyInput {
  name: string;
  /** As listed in the priority select, e.g. "P3 Normal". */
  priority?: string;
  /** Typed into the category select; the first option containing it is picked, e.g. "LEAK". */
  category?: string;
  /** The calendar's name. */
  calendar: string;
  targets: Partial<Record<'Response' | 'Arrival' | 'Resolution', { hours: number; minutes?: number }>>;
}

/** The Administration window: a section list on the left, a table per section, edit forms in drawers. */
export class AdminPage extends AppPage {
  async goto(token?: string): Promise<void> {
    await this.open('/admin', token);
    await this.waitReady();
  }

  /** Sections are tabs named with their count, e.g. "Users (4)"; Dispatch has none. */
  tab(name: AdminTab): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) });
  }

  async openTab(name: AdminTab): Promise<void> {
    await this.tab(name).click();
  }

  get panel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  /** Picks an option of a naive-ui select; with `search`, types it first (filterable selects). */
  async pick(select: Locator, option: string | RegExp, search?: string): Promise<void> {
    await select.click();
    if (search !== undefined) await select.locator('input').first().fill(search);
    await this.page.locator('.n-base-select-option').filter({ hasText: option }).first().click();
  }

  /** The open edit drawer (calendar, policy, …). */
  drawer(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async saveDrawer(drawer: Locator): Promise<void> {
    await drawer.getByTestId('drawer-save').click();
  }

  async closeDrawer(drawer: Locator): Promise<void> {
    await drawer.getByRole('button', { name: 'Cancel' }).click();
    await drawer.waitFor({ state: 'hidden' });
  }

  /** The inline error under a form field, by the field's label. */
  fieldError(form: Locator, label: string): Locator {
    return form.locator('.n-form-item').filter({ has: this.page.getByText(label, { exact: true }) }).locator('.n-form-item-feedback');
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
    if (user.role) await this.pick(this.userForm.getByTestId('user-role'), user.role);
  }

  get createUserButton(): Locator {
    return this.userForm.getByRole('button', { name: 'Create user' });
  }

  // Calendars
  get calendarsTable(): Locator {
    return this.page.getByTestId('calendars-table');
  }

  calendarRow(name: string): Locator {
    return this.calendarsTable.getByRole('row').filter({ hasText: name });
  }

  get calendarDrawer(): Locator {
    return this.drawer('calendar-drawer');
  }

  /** Opens the new-calendar drawer and fills name and zone (the week starts as Mon–Fri 08:00–17:00). */
  async startCalendar(name: string, zoneSearch: string, zone: string): Promise<void> {
    await this.page.getByTestId('new-calendar').click();
    await this.calendarDrawer.getByLabel('Name').fill(name);
    await this.pick(this.calendarDrawer.getByTestId('time-zone-select'), zone, zoneSearch);
  }

  /** One end of a weekly interval, e.g. Monday's first interval end. */
  interval(day: Weekday, index: number, end: 'start' | 'end'): Locator {
    return this.calendarDrawer.getByLabel(`${day} interval ${index + 1} ${end}`, { exact: true });
  }

  get weekEditor(): Locator {
    return this.calendarDrawer.getByTestId('week-hours-editor');
  }

  get holidaysTable(): Locator {
    return this.calendarDrawer.getByTestId('holidays-table');
  }

  get holidayImportDialog(): Locator {
    return this.page.getByTestId('holiday-import-dialog');
  }

  /** Imports a country's public holidays for the years ticked by default (this year and the next). */
  async importHolidays(country: string, countrySearch: string): Promise<void> {
    await this.calendarDrawer.getByTestId('import-holidays').click();
    await this.pick(this.holidayImportDialog.getByTestId('holiday-country'), country, countrySearch);
    await this.holidayImportDialog.getByRole('button', { name: 'Import' }).click();
    await this.holidayImportDialog.getByTestId('holiday-import-result').waitFor();
  }

  yearCheckbox(year: number): Locator {
    return this.holidayImportDialog.getByRole('checkbox', { name: String(year) });
  }

  // SLA policies
  get policiesTable(): Locator {
    return this.page.getByTestId('policies-table');
  }

  policyRow(name: string): Locator {
    return this.policiesTable.getByRole('row').filter({ hasText: name });
  }

  get policyDrawer(): Locator {
    return this.drawer('policy-drawer');
  }

  async createPolicy(policy: PolicyInput): Promise<void> {
    await this.page.getByTestId('new-policy').click();
    const drawer = this.policyDrawer;
    await drawer.getByLabel('Name').fill(policy.name);
    if (policy.priority) await this.pick(drawer.getByTestId('policy-priority'), policy.priority);
    if (policy.category) await this.pick(drawer.getByTestId('policy-category'), policy.category, policy.category);
    await this.pick(drawer.getByTestId('policy-calendar'), policy.calendar, policy.calendar);
    for (const [metric, target] of Object.entries(policy.targets)) {
      const row = drawer.getByTestId('policy-targets').locator(`[data-metric="${metric.toLowerCase()}"]`);
      await row.getByRole('checkbox').check();
      await row.getByLabel(`${metric} target hours`).fill(String(target.hours));
      await row.getByLabel(`${metric} target minutes`).fill(String(target.minutes ?? 0));
    }
    await this.saveDrawer(drawer);
    await drawer.waitFor({ state: 'hidden' });
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

  /** Creates a key; an integration key gets the scopes listed (e.g. `requests:write`). */
  async createKey(kind: KeyKind, name: string, scopes: string[] = []): Promise<void> {
    await this.createKeyButton.click();
    const radio = this.keyForm.getByRole('radio', { name: kind, exact: true });
    // A click landing while the dialog still fades in can be lost: click until the kind is chosen.
    for (let attempt = 0; attempt < 5 && !(await radio.isChecked()); attempt++) await this.keyForm.getByText(kind, { exact: true }).click();
    await this.keyForm.getByLabel('Name').fill(name);
    for (const scope of scopes) await this.keyForm.getByRole('checkbox', { name: scope, exact: true }).check();
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
