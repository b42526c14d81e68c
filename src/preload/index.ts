import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeResult, type DispatchBridge } from '../shared/bridge';

/**
 * The whole surface the page gets. Channel names are fixed here, never taken from the page, and the raw
 * IpcRendererEvent (which carries the sender and ports) never crosses into the page's world.
 */
const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<BridgeResult>,
  onEvent: (listener: (name: string, payload: unknown) => void) => {
    const relay = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
} satisfies DispatchBridge;

contextBridge.exposeInMainWorld('dispatchBridge', bridge);
