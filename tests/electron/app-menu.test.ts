import type { MenuItemConstructorOptions, Screen } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate, installAppMenu, type AppMenuInput } from '../../src/main/app-menu';
import { describeDisplays } from '../../src/main/displays';
import { dialog, fakeDisplay, Menu, resetFakes, screen } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const PRIMARY = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 });
const RIGHT = fakeDisplay(2, { x: 1920, y: 0, width: 2560, height: 1440 });
const LEFT = fakeDisplay(3, { x: -1280, y: 0, width: 1280, height: 1024 }, 'Wall TV');

type Item = MenuItemConstructorOptions;

function input(overrides: Partial<AppMenuInput> = {}): AppMenuInput {
  return {
    platform: 'linux',
    displays: describeDisplays([PRIMARY, RIGHT], 1),
    openView: vi.fn(),
    openWall: vi.fn(),
    closeWalls: vi.fn(),
    showAbout: vi.fn(),
    checkForUpdates: vi.fn(),
    connectToCentre: vi.fn(),
    ...overrides,
  };
}

const submenuOf = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const topLevel = (template: Item[], label: string) => template.find((item) => item.label === label);
const itemIn = (items: Item[], label: string) => items.find((item) => item.label === label)!;
const click = (item: Item) => (item.click as () => void)();
const wallItems = (template: Item[]) => submenuOf(itemIn(submenuOf(topLevel(template, 'View')), 'Wall display'));

beforeEach(resetFakes);

describe('buildAppMenuTemplate', () => {
  it.each([
    ['Board', 'CmdOrCtrl+1', 'board'],
    ['SLA risk', 'CmdOrCtrl+2', 'risk'],
    ['Reports', 'CmdOrCtrl+3', 'reports'],
    ['Administration', 'CmdOrCtrl+4', 'admin'],
  ] as const)('View → %s has %s and opens the %s window', (label, accelerator, view) => {
    const options = input();
    const item = itemIn(submenuOf(topLevel(buildAppMenuTemplate(options), 'View')), label);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(options.openView).toHaveBeenCalledWith(view);
    expect(options.openView).toHaveBeenCalledTimes(1);
  });

  it('has reload, zoom and full-screen shortcuts (F11 off macOS)', () => {
    const view = submenuOf(topLevel(buildAppMenuTemplate(input()), 'View'));
    expect(view.filter((item) => item.role).map((item) => [item.role, item.accelerator])).toEqual([
      ['reload', 'CmdOrCtrl+R'],
      ['resetZoom', 'CmdOrCtrl+0'],
      ['zoomIn', 'CmdOrCtrl+Plus'],
      ['zoomIn', 'CmdOrCtrl+='],
      ['zoomOut', 'CmdOrCtrl+-'],
      ['togglefullscreen', 'F11'],
    ]);
  });

  it('lists one wall item per monitor, the shortcut on the first one beside the primary', () => {
    const options = input({ displays: describeDisplays([PRIMARY, RIGHT, LEFT], 1) });
    const items = wallItems(buildAppMenuTemplate(options));
    expect(items.map((item) => [item.label ?? item.type, item.accelerator])).toEqual([
      ['Display 1 — 1920×1080 (primary)', undefined],
      ['Wall TV — 1280×1024 (left)', 'CmdOrCtrl+Shift+W'],
      ['Display 3 — 2560×1440 (right)', undefined],
      ['separator', undefined],
      ['Close wall displays', undefined],
    ]);
    click(items[2]!);
    expect(options.openWall).toHaveBeenCalledWith(2);
    click(items[4]!);
    expect(options.closeWalls).toHaveBeenCalledTimes(1);
  });

  it('puts the wall shortcut on the primary display when it is the only one', () => {
    const items = wallItems(buildAppMenuTemplate(input({ displays: describeDisplays([PRIMARY], 1) })));
    expect(items[0]).toMatchObject({ label: 'Display 1 — 1920×1080 (primary)', accelerator: 'CmdOrCtrl+Shift+W' });
  });

  it('Help offers the update check through the injected callback, and About', () => {
    const options = input();
    const help = submenuOf(topLevel(buildAppMenuTemplate(options), 'Help'));
    const check = itemIn(help, 'Check for updates…');
    expect(check.enabled).toBe(true);
    click(check);
    expect(options.checkForUpdates).toHaveBeenCalledTimes(1);
    click(itemIn(help, 'About Dispatch Control Room'));
    expect(options.showAbout).toHaveBeenCalledTimes(1);
  });

  it('opens the connect page from File → Connect to a centre…', () => {
    const actions = input();
    itemIn(submenuOf(topLevel(buildAppMenuTemplate(actions), 'File')), 'Connect to a centre…').click!(undefined as never, undefined, undefined as never);
    expect(actions.connectToCentre).toHaveBeenCalledTimes(1);
  });

  it('shows the update check disabled when no updater is wired', () => {
    const help = submenuOf(topLevel(buildAppMenuTemplate(input({ checkForUpdates: undefined })), 'Help'));
    expect(itemIn(help, 'Check for updates…').enabled).toBe(false);
  });

  it('starts with the app menu on macOS, and has File → Quit with Ctrl+Q elsewhere', () => {
    const mac = buildAppMenuTemplate(input({ platform: 'darwin' }));
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(submenuOf(topLevel(mac, 'File')).filter((item) => item.role).map((item) => item.role)).toEqual(['close']);
    expect(submenuOf(topLevel(mac, 'View')).find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('Ctrl+Cmd+F');

    const linux = buildAppMenuTemplate(input());
    expect(linux.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'Help']);
    expect(submenuOf(topLevel(linux, 'File')).filter((item) => item.role).map((item) => [item.role, item.accelerator])).toEqual([
      ['close', 'CmdOrCtrl+W'],
      ['quit', 'Ctrl+Q'],
    ]);
  });
});

describe('installAppMenu', () => {
  const install = (checkForUpdates?: () => void) =>
    installAppMenu({
      screen: screen as unknown as Screen,
      platform: 'linux',
      version: '9.8.7',
      openView: vi.fn(),
      openWall: vi.fn(),
      closeWalls: vi.fn(),
      checkForUpdates,
    });
  const installedWallLabels = () => wallItems(Menu.setApplicationMenu.mock.calls.at(-1)![0].template).map((item) => item.label);

  it('sets the menu built from the current monitors and rebuilds it when monitors come and go', () => {
    const stop = install();
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(installedWallLabels()).toEqual(['Display 1 — 1920×1080 (primary)', undefined, 'Close wall displays']);

    screen.attach([PRIMARY, RIGHT]);
    expect(installedWallLabels()).toEqual(['Display 1 — 1920×1080 (primary)', 'Display 2 — 2560×1440 (right)', undefined, 'Close wall displays']);
    screen.attach([PRIMARY]);
    expect(installedWallLabels()).toEqual(['Display 1 — 1920×1080 (primary)', undefined, 'Close wall displays']);

    stop();
    const calls = Menu.setApplicationMenu.mock.calls.length;
    screen.attach([PRIMARY, RIGHT]);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(calls);
  });

  it('wires the update callback and shows the version in About', () => {
    const checkForUpdates = vi.fn();
    install(checkForUpdates);
    const help = submenuOf(topLevel(Menu.setApplicationMenu.mock.calls.at(-1)![0].template, 'Help'));
    click(itemIn(help, 'Check for updates…'));
    expect(checkForUpdates).toHaveBeenCalledTimes(1);
    click(itemIn(help, 'About Dispatch Control Room'));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Dispatch Control Room', detail: 'Version 9.8.7' }));
  });
});
