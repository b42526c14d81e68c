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
import { tokenStorage } from './token-storage';
import type { ConnectionStatus, TransportHooks } from './transport';

export { ApiError } from './api-error';
export type { ConnectionStatus } from './transport';

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void;
  readonly status: Readonly<Ref<ConnectionStatus>>;
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
  const hooks: TransportHooks = {
    event(name, payload) {
      if (isEventName(name)) listeners.get(name)?.forEach((cb) => cb(payload));
    },
    live: () => resyncListeners.forEach((cb) => cb()),
    authRejected: () => authLost(new ApiError(localProblem(401, 'The live event stream refused the token.'))),
  };
  const transport = bridge ? createBridgeTransport(bridge, hooks) : createHttpTransport(hooks);

  return {
    async call(method, input) {
      try {
        return (await transport.invoke(method, input, token)) as MethodOutput<typeof method>;
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'unauthenticated' && contract[method].roles !== 'public') authLost(apiError);
        throw apiError;
      }
    },
    on(name, cb) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      return subscribe(set, cb as Listener);
    },
    status: readonly(transport.status),
    needsToken: transport.kind === 'http',
    token: () => token,
    setToken(next) {
      token = next;
      if (transport.kind === 'http') tokenStorage.write(next);
      if (!next) transport.stop();
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
