import { dialog, Menu, type MenuItemConstructorOptions, type Screen } from 'electron';
import { describeDisplays, type DisplayChoice, type DisplaySource } from './displays';
import type { View } from './window-manager';

export interface AppMenuActions {
  openView(view: View): void;
  openWall(displayId: number): void;
  closeWalls(): void;
  showAbout(): void;
  /** From the updater; without one the item is shown disabled. */
  checkForUpdates?: () => void;
  /** Opens the page where this workstation picks its centre (this computer's own, or one on the network). */
  connectToCentre?: () => void;
}

export interface AppMenuInput extends AppMenuActions {
  platform: NodeJS.Platform;
  /** The monitors a wall display can be opened on. */
  displays: readonly DisplayChoice[];
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The wall shortcut opens on the first monitor other than the primary one (the usual desk plus wall screen). */
const WALL_SHORTCUT = 'CmdOrCtrl+Shift+W';

function wallSubmenu(input: AppMenuInput): MenuItemConstructorOptions[] {
  const shortcutTarget = input.displays.find((d) => !d.primary) ?? input.displays[0];
  return [
    ...input.displays.map(
      (display): MenuItemConstructorOptions => ({
        label: display.label,
        ...(display === shortcutTarget ? { accelerator: WALL_SHORTCUT } : {}),
        click: () => input.openWall(display.id),
      }),
    ),
    separator,
    { label: 'Close wall displays', click: () => input.closeWalls() },
  ];
}

/** The application menu: a pure function of its input, so it is rebuilt whenever the monitors change. */
export function buildAppMenuTemplate(input: AppMenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const view = (label: string, target: View, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => input.openView(target),
  });
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Connect to a centre…', enabled: input.connectToCentre !== undefined, click: () => input.connectToCentre?.() },
        separator,
        { role: 'close', accelerator: 'CmdOrCtrl+W' },
        ...(mac ? [] : [separator, { role: 'quit', accelerator: 'Ctrl+Q' } as const]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        view('Board', 'board', 'CmdOrCtrl+1'),
        view('SLA risk', 'risk', 'CmdOrCtrl+2'),
        view('Reports', 'reports', 'CmdOrCtrl+3'),
        view('Administration', 'admin', 'CmdOrCtrl+4'),
        separator,
        { label: 'Wall display', submenu: wallSubmenu(input) },
        separator,
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
        // The "+" key types "=" without Shift; this hidden twin makes Ctrl+= zoom in too, as in browsers.
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        separator,
        { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ],
    },
    { role: 'windowMenu' },
    {
      label: 'Help',
      role: 'help',
      submenu: [
        { label: 'Check for updates…', enabled: input.checkForUpdates !== undefined, click: () => input.checkForUpdates?.() },
        separator,
        { label: 'About Dispatch Control Room', click: () => input.showAbout() },
      ],
    },
  ];
}

/** Monitor changes after which the wall submenu is out of date. */
const DISPLAY_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;

export interface InstallAppMenuOptions extends Omit<AppMenuActions, 'showAbout'> {
  screen: DisplaySource & Pick<Screen, 'on' | 'removeListener'>;
  platform: NodeJS.Platform;
  version: string;
}

/** Sets the application menu and keeps its wall submenu in step with the monitors; returns the function that stops. */
export function installAppMenu(options: InstallAppMenuOptions): () => void {
  const { screen, platform, version, ...actions } = options;
  const showAbout = () => {
    void dialog.showMessageBox({ type: 'info', title: 'About Dispatch Control Room', message: 'Dispatch Control Room', detail: `Version ${version}` });
  };
  const apply = () => {
    const displays = describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate({ ...actions, showAbout, platform, displays })));
  };
  apply();
  for (const event of DISPLAY_EVENTS) screen.on(event as 'display-added', apply);
  return () => {
    for (const event of DISPLAY_EVENTS) screen.removeListener(event as 'display-added', apply);
  };
}
