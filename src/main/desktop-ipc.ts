import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { Logger } from '../core/logger';
import { DESKTOP_CHANNELS, type CentreCheck, type CentreSetting, type DesktopBridge, type DesktopResult } from '../shared/bridge';
import { AppError, toProblem } from '../shared/errors';
import { CentreProbeError, probeCentre } from './centre-probe';
import { CentreUrl, Fingerprint256, LOCAL_CENTRE, loadCentreSetting, saveCentreSetting } from './centre-settings';

export interface DesktopIpcOptions {
  /** The desktop's own renderer pages: the only senders that may read or choose the centre. */
  isLocalPage(url: string): boolean;
  /** Every page of the app, the centre's included: may ask for the connect page. */
  isAppUrl(url: string): boolean;
  /** The connect page on the desktop's own renderer (see localRouteUrl in windows.ts). */
  connectPageUrl: string;
  userDataDir: string;
  logger: Logger;
  /** Called once the new setting is saved: main pins the certificate and loads the chosen centre in its windows. */
  switchCentre(setting: CentreSetting): void | Promise<void>;
}

type Handlers = { [K in keyof DesktopBridge]: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> };

/**
 * The handlers behind `window.dispatchDesktop`. Choosing the centre decides where this computer sends sign-in
 * tokens, so only the desktop's own page may do it: a remote centre's page must never repoint the app. Every input
 * is outside input and parsed here. Returns the function that removes the handlers.
 */
export function bindDesktopIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, options: DesktopIpcOptions): () => void {
  const { isLocalPage, isAppUrl, userDataDir, logger } = options;

  async function connect(rawUrl: unknown, rawFingerprint: unknown): Promise<null> {
    const url = parseInput(CentreUrl, rawUrl, 'url');
    const fingerprint = parseInput(Fingerprint256.nullable(), rawFingerprint, 'fingerprint');
    // Checked again rather than taken on the page's word: what is pinned is what the centre presents now.
    const check = await probe(url);
    refuseMismatch(check, fingerprint);
    const setting: CentreSetting = { mode: 'remote', url, fingerprint };
    saveCentreSetting(userDataDir, setting);
    logger.info('connected to a remote centre', { url, pinned: fingerprint !== null });
    await options.switchCentre(setting);
    return null;
  }

  const handlers: Handlers = {
    currentCentre: async (event) => {
      requireSender(event, isLocalPage);
      return loadCentreSetting(userDataDir, logger);
    },
    probeCentre: async (event, rawUrl) => {
      requireSender(event, isLocalPage);
      return probe(parseInput(CentreUrl, rawUrl, 'url'));
    },
    connectCentre: async (event, rawUrl, rawFingerprint) => {
      requireSender(event, isLocalPage);
      return connect(rawUrl, rawFingerprint);
    },
    useLocalCentre: async (event) => {
      requireSender(event, isLocalPage);
      saveCentreSetting(userDataDir, LOCAL_CENTRE);
      logger.info("back to this computer's own centre");
      await options.switchCentre(LOCAL_CENTRE);
      return null;
    },
    showConnectPage: async (event) => {
      requireSender(event, isAppUrl);
      await event.sender.loadURL(options.connectPageUrl);
      return null;
    },
  };

  const names = Object.keys(DESKTOP_CHANNELS) as (keyof DesktopBridge)[];
  for (const name of names) {
    ipcMain.handle(DESKTOP_CHANNELS[name], async (event, ...args: unknown[]): Promise<DesktopResult<unknown>> => {
      try {
        return { ok: true, value: await handlers[name](event, ...args) };
      } catch (error) {
        // Electron would strip a thrown error down to its message, so failures travel as a problem envelope.
        if (error instanceof AppError) return { ok: false, error: error.toProblem() };
        logger.error('desktop IPC call failed', { method: name, error: String((error as Error)?.stack ?? error) });
        return { ok: false, error: toProblem('internal', 'Something went wrong in the app. The error has been logged.') };
      }
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(DESKTOP_CHANNELS[name]));
}

function requireSender(event: IpcMainInvokeEvent, allowed: (url: string) => boolean): void {
  const url = event.senderFrame?.url;
  if (!url || !allowed(url)) throw new AppError('forbidden', "Only the app's own pages may choose the centre.");
}

function parseInput<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'Invalid value.';
  throw new AppError('validation', message, [{ path: field, message }]);
}

async function probe(url: string): Promise<CentreCheck> {
  try {
    return await probeCentre(url);
  } catch (error) {
    if (error instanceof CentreProbeError) throw new AppError('bad_request', error.message);
    throw error;
  }
}

/** The fingerprint to pin must be the one the centre presents, and only a system-trusted certificate needs none. */
function refuseMismatch(check: CentreCheck, fingerprint: string | null): void {
  if (check.certificate === null) {
    if (fingerprint !== null) throw new AppError('validation', 'A centre on plain http has no certificate to trust.');
    return;
  }
  if (fingerprint === null && !check.trustedBySystem) {
    throw new AppError('validation', "This computer does not trust the centre's certificate: compare its fingerprint and trust it.");
  }
  if (fingerprint !== null && fingerprint !== check.certificate.fingerprint256) {
    throw new AppError(
      'conflict',
      'The centre now presents a different certificate from the one you checked. Check again and compare the new fingerprint before trusting it.',
    );
  }
}
