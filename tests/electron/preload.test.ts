import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, REMOTE_CENTRE_ARGUMENT, type DesktopBridge, type DispatchBridge } from '../../src/shared/bridge';
import { contextBridge, ipcRenderer } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

let exposed: unknown[][];
let bridge: DispatchBridge;
let desktop: DesktopBridge;

beforeAll(async () => {
  // The preload runs once per page load, exposing the bridges as it is evaluated.
  await import('../../src/preload/index');
  exposed = [...contextBridge.exposeInMainWorld.mock.calls];
  bridge = exposed[0]![1] as DispatchBridge;
  desktop = exposed[1]![1] as DesktopBridge;
});
beforeEach(() => {
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes exactly invoke and onEvent under dispatchBridge, and the desktop methods under dispatchDesktop', () => {
    expect(exposed.map(([name]) => name)).toEqual(['dispatchBridge', 'dispatchDesktop']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.keys(desktop).sort()).toEqual(Object.keys(DESKTOP_CHANNELS).sort());
  });

  it('invokes main on the fixed channel with the method and input, and returns main’s envelope', async () => {
    const result = await bridge.invoke('workOrders.list', { limit: 5 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'workOrders.list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: 'from main' });
  });

  it('relays events without the IPC event object, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: 'secret ipc internals' }, 'workOrder.changed', { change: 'created' });
    expect(listener).toHaveBeenCalledWith('workOrder.changed', { change: 'created' });
    expect(listener.mock.calls[0]).toHaveLength(2);

    unsubscribe();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'technician.moved', {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('listens on no channel other than the event channel', () => {
    bridge.onEvent(() => {});
    expect(ipcRenderer.eventNames()).toEqual([IPC_EVENT_CHANNEL]);
  });
});

describe('desktop bridge', () => {
  it('invokes each desktop method on its own fixed channel with the page’s arguments', async () => {
    await desktop.currentCentre();
    await desktop.probeCentre('https://192.168.1.20:5170');
    await desktop.connectCentre('https://192.168.1.20:5170', 'AB:CD');
    await desktop.useLocalCentre();
    await desktop.showConnectPage();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [DESKTOP_CHANNELS.currentCentre],
      [DESKTOP_CHANNELS.probeCentre, 'https://192.168.1.20:5170'],
      [DESKTOP_CHANNELS.connectCentre, 'https://192.168.1.20:5170', 'AB:CD'],
      [DESKTOP_CHANNELS.useLocalCentre],
      [DESKTOP_CHANNELS.showConnectPage],
    ]);
  });
});

describe('preload in a window showing a remote centre', () => {
  it('exposes no dispatchBridge, so the page talks HTTP to its centre; the desktop bridge stays', async () => {
    const argv = process.argv;
    process.argv = [...argv, REMOTE_CENTRE_ARGUMENT];
    try {
      // Evaluated afresh, as for a new page in another window; the mocked electron module is kept.
      vi.resetModules();
      contextBridge.exposeInMainWorld.mockClear();
      await import('../../src/preload/index');
      expect(contextBridge.exposeInMainWorld.mock.calls.map(([name]) => name)).toEqual(['dispatchDesktop']);
    } finally {
      process.argv = argv;
    }
  });
});
