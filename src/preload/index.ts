import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  DESKTOP_CHANNELS,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  REMOTE_CENTRE_ARGUMENT,
  type BridgeResult,
  type DesktopBridge,
  type DispatchBridge,
} from '../shared/bridge';

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

/** Choosing the centre; main answers these only for the desktop's own pages. */
const desktop = {
  currentCentre: () => ipcRenderer.invoke(DESKTOP_CHANNELS.currentCentre),
  probeCentre: (url: string) => ipcRenderer.invoke(DESKTOP_CHANNELS.probeCentre, url),
  connectCentre: (url: string, fingerprint: string | null) => ipcRenderer.invoke(DESKTOP_CHANNELS.connectCentre, url, fingerprint),
  useLocalCentre: () => ipcRenderer.invoke(DESKTOP_CHANNELS.useLocalCentre),
  showConnectPage: () => ipcRenderer.invoke(DESKTOP_CHANNELS.showConnectPage),
} satisfies DesktopBridge;

// A window showing a remote centre (main says so on the command line) talks HTTP to that centre, the same client
// a browser uses: this computer's store is not offered to pages this app did not ship.
if (!process.argv.includes(REMOTE_CENTRE_ARGUMENT)) contextBridge.exposeInMainWorld('dispatchBridge', bridge);
contextBridge.exposeInMainWorld('dispatchDesktop', desktop);
