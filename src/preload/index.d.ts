import type { DesktopBridge, DispatchBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Present only in the Electron app's local windows; elsewhere the renderer talks HTTP instead. */
    dispatchBridge?: DispatchBridge;
    /** Present only inside the Electron app: choosing the centre this desktop app works. */
    dispatchDesktop?: DesktopBridge;
  }
}

export {};
