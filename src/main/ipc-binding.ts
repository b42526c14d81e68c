import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Logger } from '../core/logger';
import { IPC_INVOKE_CHANNEL, type BridgeResult } from '../shared/bridge';
import { describeMethodName, isMethodName, type MethodName } from '../shared/contract';
import { AppError, toProblem } from '../shared/errors';
import type { Principal } from '../shared/roles';
import type { WindowSessions } from './sessions';

/** What the binding needs from the core; the in-process host and a later utility-process proxy both fit. */
export interface ContractHost {
  call(method: MethodName, input: unknown, principal: Principal | null): Promise<unknown>;
}

export interface BindOptions {
  /** Whether a frame URL belongs to the app's own renderer (dev server or packaged files). */
  isAppUrl(url: string): boolean;
  sessions: WindowSessions;
  logger: Logger;
}

/**
 * The IPC binding: one handler on one fixed channel serves every contract method, so there is no list of methods
 * to keep in step with the contract. Parsing and role checks happen in core's router; here only the transport's
 * own duties: who is calling (sender frame, window session) and turning errors into the envelope.
 * Returns the function that removes the handler.
 */
export function bindContract(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, host: ContractHost, options: BindOptions): () => void {
  const { isAppUrl, sessions, logger } = options;

  async function route(event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<unknown> {
    // A frame that navigated away or an embedded foreign frame must not reach the services through our preload.
    const url = event.senderFrame?.url;
    if (!url || !isAppUrl(url)) throw new AppError('forbidden', "Only the app's own pages may call the dispatch services.");
    if (!isMethodName(method)) throw new AppError('unknown_method', `There is no method named "${describeMethodName(method)}".`);
    const owner = event.sender;
    const principal = await sessions.principalOf(owner.id);
    if (method === 'auth.logout') {
      try {
        return await host.call(method, input, principal);
      } finally {
        // Even if core refuses (session already ended), the window is signed out from now on.
        sessions.forget(owner.id);
      }
    }
    const value = await host.call(method, input, principal);
    if (method === 'auth.login' && hasToken(value)) sessions.remember(owner, value.token);
    return value;
  }

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<BridgeResult> => {
    try {
      return { ok: true, value: await route(event, method, input) };
    } catch (error) {
      // Electron would strip a thrown error down to its message, so failures travel as a problem envelope.
      if (error instanceof AppError) return { ok: false, error: error.toProblem() };
      logger.error('IPC call failed', { method: describeMethodName(method), error: String((error as Error)?.stack ?? error) });
      return { ok: false, error: toProblem('internal', 'Something went wrong in the app. The error has been logged.') };
    }
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

function hasToken(value: unknown): value is { token: string } {
  return typeof value === 'object' && value !== null && typeof (value as { token?: unknown }).token === 'string';
}
