import { shallowRef } from 'vue';
import type { ConnectionStatus, TransportHooks } from './transport';

/** The server closes with this code when it rejects the token (see the server's event stream). */
const CLOSE_AUTH_REJECTED = 4401;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 15_000;
/** The server sends a heartbeat every 10 s; silence for this long means the network dropped without a close. */
const SILENCE_LIMIT_MS = 25_000;

interface ServerFrame {
  type?: unknown;
  name?: unknown;
  payload?: unknown;
}

/**
 * The live event stream over WebSocket. Browsers cannot set headers on a WebSocket, so the token goes in the
 * first message. Lost connections are retried with jittered exponential back-off and re-authenticated.
 */
export class EventSocket {
  readonly status = shallowRef<ConnectionStatus>('offline');
  private socket: WebSocket | null = null;
  private token: string | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly hooks: TransportHooks,
  ) {
    window.addEventListener('online', () => {
      if (this.token && this.status.value === 'offline') this.retryNow();
    });
  }

  start(token: string): void {
    this.stop();
    this.token = token;
    this.attempt = 0;
    this.open();
  }

  stop(): void {
    this.token = null;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
    this.status.value = 'offline';
  }

  /** A request just failed to reach the server: find out now whether the stream is still there. */
  recheck(): void {
    if (!this.token) return;
    if (this.status.value === 'connecting') return;
    // A browser cannot ping a WebSocket, so the stream is reopened: instant when the server is fine, and the
    // loss is shown at once when it is not.
    this.drop();
    this.retryNow();
  }

  private retryNow(): void {
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  }

  private drop(): void {
    clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(4000, 'reconnecting');
    this.status.value = 'offline';
  }

  private expectFrameSoon(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.drop();
      this.scheduleRetry();
    }, SILENCE_LIMIT_MS);
  }

  private open(): void {
    const token = this.token;
    if (!token) return;
    this.status.value = 'connecting';
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token }));
    socket.onmessage = (message) => {
      if (this.socket !== socket) return;
      this.expectFrameSoon();
      this.receive(message.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      clearTimeout(this.silenceTimer);
      this.socket = null;
      this.status.value = 'offline';
      if (event.code === CLOSE_AUTH_REJECTED) {
        this.token = null;
        this.hooks.authRejected();
        return;
      }
      this.scheduleRetry();
    };
  }

  private receive(data: unknown): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(data)) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'ready') {
      this.attempt = 0;
      this.status.value = 'live';
      this.hooks.live();
    } else if (frame.type === 'event' && typeof frame.name === 'string') {
      this.hooks.event(frame.name, frame.payload);
    }
  }

  private scheduleRetry(): void {
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }
}
