import type { ProblemDetails } from './errors';

/**
 * What the preload exposes as `window.dispatchBridge`: a fixed, minimal surface. The page never names an IPC
 * channel; main checks the method against the contract and the sender frame.
 * Results come back as an envelope because Electron strips every property but `message` from a thrown error.
 */
export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ProblemDetails };

export interface DispatchBridge {
  invoke(method: string, input: unknown): Promise<BridgeResult>;
  /** Subscribe to every live event; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

/** The two IPC channels, fixed here so main and preload cannot disagree. */
export const IPC_INVOKE_CHANNEL = 'dcr:invoke';
export const IPC_EVENT_CHANNEL = 'dcr:event';
