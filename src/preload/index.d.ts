import type { DispatchBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app; in a browser the renderer talks HTTP instead. */
    dispatchBridge?: DispatchBridge;
  }
}

export {};
