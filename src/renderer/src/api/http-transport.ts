import { isProblem } from '@shared/errors';
import { ApiError, localProblem } from './api-error';
import { EventSocket } from './event-socket';
import type { Transport, TransportHooks } from './transport';

/** Browser transport: `POST /api/v1/rpc/{method}` with a bearer token, live events over a WebSocket. */
export function createHttpTransport(hooks: TransportHooks): Transport {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/events`;
  const socket = new EventSocket(wsUrl, hooks);
  return {
    kind: 'http',
    status: socket.status,
    async invoke(method, input, token, idempotencyKey) {
      let response: Response;
      try {
        response = await fetch(`/api/v1/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json, application/problem+json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiError(localProblem(0, 'The server could not be reached.'), true);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok) return body;
      throw new ApiError(isProblem(body) ? body : localProblem(response.status, `The server answered HTTP ${response.status}.`));
    },
    start(token) {
      if (token) socket.start(token);
    },
    stop: () => socket.stop(),
    recheck: () => socket.recheck(),
  };
}
