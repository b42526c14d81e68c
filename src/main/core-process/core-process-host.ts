import { EventBus } from '../../core/events/event-bus';
import { consoleLogger, type Logger } from '../../core/logger';
import type { MethodName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { CoreHost } from '../core-host';
import { ChildMessage, requestIdOf, WirePrincipal, type CoreProcessOptions, type ParentMessage } from './protocol';
import { CoreUnavailableError, fromWireError, fromWireProblem } from './wire-errors';

/** Main's handle on the core process: Electron's UtilityProcess in the app, Node's ChildProcess in tests. */
export interface CoreChild {
  send(message: ParentMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreProcessHost extends CoreHost {
  /** The HTTP server's address when main asked the core to serve other workstations, else null. */
  readonly serverUrl: string | null;
}

export interface CoreProcessSettings {
  /** Start-up checks the store's integrity and may seed the demo, so it gets a generous bound. */
  readyTimeoutMs?: number;
  /** How long a graceful close may take before the process is killed. */
  closeTimeoutMs?: number;
  logger?: Logger;
  /** The core stopped on its own (crashed, killed): main can tell the person and offer a restart. */
  onUnexpectedExit?: (code: number | null) => void;
}

/** Sends the options, waits for 'ready' and returns the host; rejects with the child's own start-up error. */
export function connectCoreProcess(child: CoreChild, options: CoreProcessOptions, settings: CoreProcessSettings = {}): Promise<CoreProcessHost> {
  return new CoreProcessConnection(child, settings).start(options);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

class CoreProcessConnection implements CoreProcessHost {
  readonly bus = new EventBus();
  serverUrl: string | null = null;
  private state: 'starting' | 'ready' | 'closing' | 'gone' = 'starting';
  private goneReason = '';
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private readonly exited: Promise<number | null>;
  private readonly logger: Logger;
  private startup: { ready(): void; fail(error: Error): void } | null = null;

  constructor(
    private readonly child: CoreChild,
    private readonly settings: CoreProcessSettings,
  ) {
    this.logger = settings.logger ?? consoleLogger;
    this.exited = new Promise((resolve) =>
      child.onExit((code) => {
        this.onExit(code);
        resolve(code);
      }),
    );
    child.onMessage((raw) => this.receive(raw));
  }

  start(options: CoreProcessOptions): Promise<CoreProcessHost> {
    const { readyTimeoutMs = 120_000 } = this.settings;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.startup?.fail(new Error(`The dispatch core did not start within ${readyTimeoutMs / 1000} s.`)), readyTimeoutMs);
      this.startup = {
        ready: () => {
          clearTimeout(timer);
          this.startup = null;
          resolve(this);
        },
        fail: (error) => {
          clearTimeout(timer);
          this.startup = null;
          // Rejected only once the process is gone, so its data-folder lock is released when the caller hears.
          void this.stop().finally(() => reject(error));
        },
      };
      this.send({ type: 'start', options });
    });
  }

  call(method: MethodName, input: unknown, principal: Principal | null): Promise<unknown> {
    return this.request((id) => ({ type: 'call', id, method, input, principal }));
  }

  async resolveToken(token: string): Promise<Principal | null> {
    return WirePrincipal.nullable().parse(await this.request((id) => ({ type: 'resolveToken', id, token })));
  }

  close(): Promise<void> {
    return this.stop();
  }

  private request(message: (id: number) => ParentMessage): Promise<unknown> {
    if (this.state !== 'ready') return Promise.reject(this.unavailable());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.child.send(message(id));
      } catch (error) {
        // Nothing was sent (an input that cannot be cloned), so no answer will come.
        this.pending.delete(id);
        reject(error);
      }
    });
  }

  private send(message: ParentMessage): void {
    try {
      this.child.send(message);
    } catch (error) {
      // Only 'start' and 'close' go this way: a process that cannot take them is going away, and its exit says so.
      this.logger.warn('could not send to the dispatch core', { error: String(error) });
    }
  }

  private receive(raw: unknown): void {
    const parsed = ChildMessage.safeParse(raw);
    if (!parsed.success) {
      this.logger.error('the dispatch core sent a malformed message', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      const id = requestIdOf(raw);
      if (id !== null) this.settle(id, (p) => p.reject(new AppError('internal', 'The dispatch core gave an answer the app could not read.')));
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        // Too late if start-up already failed (timed out): that process is being closed.
        if (this.state !== 'starting') return;
        this.state = 'ready';
        this.serverUrl = message.serverUrl;
        this.startup?.ready();
        return;
      case 'fatal':
        this.startup?.fail(fromWireError(message.error));
        return;
      case 'response':
        if (message.ok) this.settle(message.id, (p) => p.resolve(message.value));
        else this.settle(message.id, (p) => p.reject(fromWireProblem(message.error)));
        return;
      case 'event':
        // The payload was built by core from its own schema-checked data; the name is checked above.
        this.bus.publish(message.event, message.payload as never);
        return;
    }
  }

  private settle(id: number, outcome: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    outcome(pending);
  }

  private onExit(code: number | null): void {
    const { state } = this;
    this.state = 'gone';
    this.goneReason =
      state === 'ready'
        ? `The dispatch core stopped unexpectedly (exit code ${code}). Restart the app; changes it confirmed are saved.`
        : 'The dispatch core is closed.';
    const error = this.unavailable();
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    if (state === 'starting') this.startup?.fail(new Error(`The dispatch core stopped (exit code ${code}) before it was ready.`));
    if (state === 'ready') {
      this.logger.error('the dispatch core stopped unexpectedly', { code });
      this.settings.onUnexpectedExit?.(code);
    }
  }

  private unavailable(): CoreUnavailableError {
    if (this.state === 'gone') return new CoreUnavailableError(this.goneReason);
    return new CoreUnavailableError(this.state === 'closing' ? 'The dispatch core is closing.' : 'The dispatch core is not ready yet.');
  }

  /** Asks the process to close (store closed, WAL checkpointed) and waits for it to exit; kills it if it hangs. */
  private async stop(): Promise<void> {
    if (this.state === 'gone') return;
    this.state = 'closing';
    this.send({ type: 'close' });
    const { closeTimeoutMs = 10_000 } = this.settings;
    if (await exitsWithin(this.exited, closeTimeoutMs)) return;
    this.logger.warn('the dispatch core did not close in time; stopping it', { timeoutMs: closeTimeoutMs });
    this.child.kill();
    if (!(await exitsWithin(this.exited, closeTimeoutMs))) this.logger.error('the dispatch core did not stop when killed');
  }
}

async function exitsWithin(exited: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([exited.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
