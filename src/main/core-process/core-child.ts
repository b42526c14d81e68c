import type { Core } from '../../core/core';
import { consoleLogger, type Logger } from '../../core/logger';
import { AppError } from '../../shared/errors';
import type { ParentChannel } from './child-channel';
import { openCore, type RunningCore } from './open-core';
import { ParentMessage, requestIdOf, type CoreProcessOptions } from './protocol';
import { toWireError, toWireProblem } from './wire-errors';

export interface CoreChildDeps {
  open?: (options: CoreProcessOptions, logger: Logger) => Promise<RunningCore>;
  exit?: (code: number) => void;
  logger?: Logger;
}

/**
 * The core process's side of the protocol: opens the core on 'start', answers calls and token look-ups, pushes
 * every bus event, and on 'close' closes the store (SQLite checkpoints the WAL as the last connection closes)
 * before it exits.
 */
export function runCoreChild(channel: ParentChannel, deps: CoreChildDeps = {}): void {
  const { open = openCore, exit = (code: number) => process.exit(code), logger = consoleLogger } = deps;
  let starting: Promise<RunningCore | null> | null = null;
  let running: RunningCore | null = null;
  let closing = false;
  let stopEvents = () => {};

  async function start(options: CoreProcessOptions): Promise<RunningCore | null> {
    try {
      running = await open(options, logger);
    } catch (error) {
      // Main revives it (same class and message) to give the operator the right advice, then asks to close.
      channel.send({ type: 'fatal', error: toWireError(error) });
      return null;
    }
    stopEvents = running.core.bus.subscribe((event, payload) => channel.send({ type: 'event', event, payload }));
    channel.send({ type: 'ready', serverUrl: running.serverUrl });
    return running;
  }

  async function answer(id: number, what: string, work: (core: Core) => Promise<unknown>): Promise<void> {
    try {
      if (!running || closing) throw new AppError('internal', 'The dispatch core is not open.');
      channel.send({ type: 'response', id, ok: true, value: await work(running.core) });
    } catch (error) {
      // Main turns anything but an AppError into a generic message, so the details are logged here.
      if (!(error instanceof AppError)) logger.error('core call failed', { call: what, error: String((error as Error)?.stack ?? error) });
      channel.send({ type: 'response', id, ok: false, error: toWireProblem(error) });
    }
  }

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    const core = await starting;
    stopEvents();
    try {
      await core?.close();
      exit(0);
    } catch (error) {
      logger.error('closing the core failed', { error: String((error as Error)?.stack ?? error) });
      exit(1);
    }
  }

  channel.onMessage((raw) => {
    const parsed = ParentMessage.safeParse(raw);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      logger.warn('the core process refused a malformed message', { errors });
      const id = requestIdOf(raw);
      // A malformed request with a usable id is answered, so its caller is not left waiting.
      if (id !== null) channel.send({ type: 'response', id, ok: false, error: new AppError('bad_request', 'Malformed request to the dispatch core.', errors).toProblem() });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'start':
        if (starting) logger.warn('the core process is already started; a second start was ignored');
        else starting = start(message.options);
        return;
      case 'call':
        void answer(message.id, message.method, (core) => core.call(message.method, message.input, message.principal));
        return;
      case 'resolveToken':
        void answer(message.id, 'resolveToken', (core) => core.auth.resolveToken(message.token));
        return;
      case 'close':
        void close();
        return;
    }
  });
  channel.onDisconnect(() => void close());
}
