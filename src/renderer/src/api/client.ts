import { readonly, watch, type Ref } from 'vue';
import {
  contract,
  events,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '@shared/contract';
import { ApiError, localProblem, toApiError } from './api-error';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { createHttpTransport } from './http-transport';
import { newIdempotencyKey } from './idempotency-key';
import { Outbox, type Delivery, type OutboxEntry, type SettledListener } from './outbox';
import { tokenStorage } from './token-storage';
import type { ConnectionStatus, TransportHooks } from './transport';

export { ApiError } from './api-error';
export type { ConnectionStatus } from './transport';

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void;
  readonly status: Readonly<Ref<ConnectionStatus>>;
  /** Changes made while the centre was unreachable, waiting to be sent (oldest first). */
  readonly outbox: Readonly<Ref<readonly OutboxEntry[]>>;
  /** Called when a change that waited in the outbox has been answered or refused. */
  onOutboxSettled(cb: SettledListener): () => void;
  /** The browser signs in with a stored token; inside Electron the host vouches for the window. */
  readonly needsToken: boolean;
  token(): string | null;
  setToken(token: string | null): void;
  /** Starts (or restarts) the live event stream with the current credentials. */
  connect(): void;
  /** Resolves once the live stream has either connected or failed its attempt (never on a timer). */
  settled(): Promise<void>;
  /** Called every time the live stream (re)connects: events may have been missed, caches should reload. */
  onResync(cb: () => void): () => void;
  /** Called when the server rejects the credentials (expired, revoked). */
  onAuthLost(cb: (error: ApiError) => void): () => void;
}

type Listener = (payload: unknown) => void;

const isEventName = (name: string): name is EventName => Object.prototype.hasOwnProperty.call(events, name);

function subscribe<T>(set: Set<T>, item: T): () => void {
  set.add(item);
  return () => set.delete(item);
}

/** The typed client: method names, inputs, outputs and events all come from the shared contract. */
export function createClient(): ApiClient {
  const listeners = new Map<EventName, Set<Listener>>();
  const resyncListeners = new Set<() => void>();
  const authLostListeners = new Set<(error: ApiError) => void>();
  const bridge = findBridge();
  let token = bridge ? null : tokenStorage.read();

  const authLost = (error: ApiError): void => authLostListeners.forEach((cb) => cb(error));
  const resync = (): void => resyncListeners.forEach((cb) => cb());
  const hooks: TransportHooks = {
    event(name, payload) {
      if (isEventName(name)) listeners.get(name)?.forEach((cb) => cb(payload));
    },
    // Back online: first the changes made meanwhile, then the caches reload and show them with everyone else's.
    live: () => void outbox.flush().finally(resync),
    authRejected: () => authLost(new ApiError(localProblem(401, 'The live event stream refused the token.'))),
  };
  const transport = bridge ? createBridgeTransport(bridge, hooks) : createHttpTransport(hooks);

  function refusal(method: MethodName, error: unknown): ApiError {
    const apiError = toApiError(error);
    if (apiError.code === 'unauthenticated' && contract[method].roles !== 'public') authLost(apiError);
    return apiError;
  }

  async function deliver(entry: OutboxEntry): Promise<Delivery> {
    try {
      return { kind: 'answered', value: await transport.invoke(entry.method, entry.input, token, entry.key) };
    } catch (error) {
      const apiError = toApiError(error);
      return apiError.network ? { kind: 'unreachable' } : { kind: 'refused', error: refusal(entry.method as MethodName, apiError) };
    }
  }
  const outbox = new Outbox(transport.kind === 'http' ? browserStorage() : null, deliver);

  /** A signed-in change over the network: sent with a key, and kept for later if the centre cannot be reached. */
  async function change(method: MethodName, input: unknown): Promise<unknown> {
    const entry: OutboxEntry = { key: newIdempotencyKey(), method, input, queuedAt: Date.now() };
    if (outbox.size > 0) {
      // Behind the changes already waiting, so the centre receives them in the order they were made.
      const queued = outbox.enqueue(entry);
      if (transport.status.value === 'live') void outbox.flush();
      return queued;
    }
    const delivery = await deliver(entry);
    if (delivery.kind === 'answered') return delivery.value;
    if (delivery.kind === 'refused') throw delivery.error;
    transport.recheck();
    return outbox.enqueue(entry);
  }

  return {
    async call(method, input) {
      const def = contract[method];
      if (transport.kind === 'http' && token && def.mutates && def.roles !== 'public') return (await change(method, input)) as MethodOutput<typeof method>;
      try {
        return (await transport.invoke(method, input, token)) as MethodOutput<typeof method>;
      } catch (error) {
        const apiError = refusal(method, error);
        if (apiError.network) transport.recheck();
        throw apiError;
      }
    },
    on(name, cb) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      return subscribe(set, cb as Listener);
    },
    status: readonly(transport.status),
    outbox: readonly(outbox.pending),
    onOutboxSettled: (cb) => outbox.onSettled(cb),
    needsToken: transport.kind === 'http',
    token: () => token,
    setToken(next) {
      token = next;
      if (transport.kind === 'http') tokenStorage.write(next);
      if (next) return;
      transport.stop();
      outbox.clear(new ApiError(localProblem(401, 'Signed out before the change could be sent.')));
    },
    connect: () => transport.start(token),
    settled() {
      if (transport.status.value !== 'connecting') return Promise.resolve();
      return new Promise((resolve) => {
        const stop = watch(transport.status, (status) => {
          if (status === 'connecting') return;
          stop();
          resolve();
        });
      });
    },
    onResync: (cb) => subscribe(resyncListeners, cb),
    onAuthLost: (cb) => subscribe(authLostListeners, cb),
  };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
