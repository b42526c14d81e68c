import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { canReceive, events, type EventName } from '../shared/contract';
import type { Principal } from '../shared/roles';
import type { Core } from '../core';

const AuthMessage = z.object({ type: z.literal('auth'), token: z.string().min(1).max(500) });
const AUTH_TIMEOUT_MS = 5000;
/** Clients treat 25 s of silence as a dead connection (a dropped network sends no close), so the stream never idles that long. */
const HEARTBEAT_MS = 10_000;
/** Close codes in the private range: clients tell "sign in again" apart from "network went away". */
export const WS_CLOSE = { authFailed: 4401, authTimeout: 4408, badMessage: 4400 } as const;

interface StreamClient {
  token: string;
  principal: Principal;
}

/**
 * Live events over WebSocket. Browsers cannot set headers on a WebSocket, so the token comes in the first
 * message, never in the URL (URLs end up in logs).
 */
export function registerEventStream(app: FastifyInstance, core: Core): void {
  const clients = new Map<WebSocket, StreamClient>();

  /** After a key or session may have been revoked, every stream checks its token again and closes if it is gone. */
  async function revalidate(): Promise<void> {
    for (const [socket, client] of clients) {
      if (!(await core.auth.resolveToken(client.token))) {
        clients.delete(socket);
        socket.close(WS_CLOSE.authFailed, 'token revoked');
      }
    }
  }

  const unsubscribe = core.bus.subscribe((name, payload) => {
    const frame = JSON.stringify({ type: 'event', name, payload });
    for (const [socket, { principal }] of clients) {
      if (canReceive(name, payload, principal)) socket.send(frame);
    }
    if (name === 'reference.changed' && ['api_key', 'user', 'session'].includes((payload as { entity: string }).entity)) void revalidate();
  });
  const heartbeat = setInterval(() => {
    const frame = JSON.stringify({ type: 'heartbeat', at: Date.now() });
    for (const socket of clients.keys()) socket.send(frame);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const socket of clients.keys()) socket.close(1001, 'server shutting down');
  });

  app.get('/api/v1/events', { websocket: true }, (socket) => {
    const timer = setTimeout(() => socket.close(WS_CLOSE.authTimeout, 'authenticate within 5 s'), AUTH_TIMEOUT_MS);
    socket.once('message', async (data: Buffer) => {
      clearTimeout(timer);
      const parsed = AuthMessage.safeParse(safeJson(data.toString()));
      if (!parsed.success) return socket.close(WS_CLOSE.badMessage, 'first message must be {"type":"auth","token":…}');
      const principal = await core.auth.resolveToken(parsed.data.token);
      if (!principal) return socket.close(WS_CLOSE.authFailed, 'token unknown, expired or revoked');
      clients.set(socket, { token: parsed.data.token, principal });
      const names = (Object.keys(events) as EventName[]).filter((n) => events[n].roles.includes(principal.role));
      socket.send(JSON.stringify({ type: 'ready', role: principal.role, events: names }));
    });
    socket.on('close', () => {
      clearTimeout(timer);
      clients.delete(socket);
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
