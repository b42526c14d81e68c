import type { ShallowRef } from 'vue';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

export interface TransportHooks {
  event(name: string, payload: unknown): void;
  /** The live stream is (again) delivering events: caches may have missed some and should resync. */
  live(): void;
  /** The host refused the credentials of the live stream. */
  authRejected(): void;
}

/** One way to reach the services: Electron's bridge or HTTP + WebSocket. Results are raw; errors are ApiError. */
export interface Transport {
  readonly kind: 'bridge' | 'http';
  readonly status: ShallowRef<ConnectionStatus>;
  /** With an idempotency key, the host applies the call at most once however often it is sent. */
  invoke(method: string, input: unknown, token: string | null, idempotencyKey?: string): Promise<unknown>;
  /** (Re)starts the live event stream with these credentials (the bridge needs none). */
  start(token: string | null): void;
  stop(): void;
  /** A call just failed to reach the host: check the live connection now rather than at the next heartbeat. */
  recheck(): void;
}
