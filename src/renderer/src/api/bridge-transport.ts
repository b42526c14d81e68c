import { shallowRef } from 'vue';
import type { DispatchBridge } from '@shared/bridge';
import { ApiError } from './api-error';
import type { ConnectionStatus, Transport, TransportHooks } from './transport';

/** `window.dispatchBridge`, present only inside the Electron app (exposed by the preload). */
export function findBridge(): DispatchBridge | null {
  const candidate = window.dispatchBridge;
  return candidate && typeof candidate.invoke === 'function' ? candidate : null;
}

/**
 * Inside Electron, main keeps each window's session (it remembers the token `auth.login` returns) and forwards
 * events over IPC, so the page holds no token, the stream is live as soon as we subscribe, and nothing reconnects.
 */
export function createBridgeTransport(bridge: DispatchBridge, hooks: TransportHooks): Transport {
  const status = shallowRef<ConnectionStatus>('offline');
  let unsubscribe: (() => void) | null = null;
  return {
    kind: 'bridge',
    status,
    async invoke(method, input) {
      const result = await bridge.invoke(method, input);
      if (result.ok) return result.value;
      throw new ApiError(result.error);
    },
    start() {
      if (unsubscribe) return;
      unsubscribe = bridge.onEvent((name, payload) => hooks.event(name, payload));
      status.value = 'live';
      hooks.live();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      status.value = 'offline';
    },
    // IPC to this machine's own main process cannot drop.
    recheck() {},
  };
}
