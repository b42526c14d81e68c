import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type DispatchBridge } from '../../src/shared/bridge';
import { contextBridge, ipcRenderer } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

let exposed: unknown[][];
let bridge: DispatchBridge;

beforeAll(async () => {
  // The preload runs once per page load, exposing the bridge as it is evaluated.
  await import('../../src/preload/index');
  exposed = contextBridge.exposeInMainWorld.mock.calls;
  bridge = exposed[0]![1] as DispatchBridge;
});
beforeEach(() => {
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes exactly invoke and onEvent under dispatchBridge', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe('dispatchBridge');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
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
