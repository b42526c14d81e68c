import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCentre, type Centre, type CentreOptions } from '../core/centre';
import type { EventBus } from '../core/events/event-bus';
import type { MethodName } from '../shared/contract';
import type { Principal } from '../shared/roles';

/**
 * Everything the Electron shell needs from the core, all asynchronous. Today the core runs in main's process;
 * the interface is kept this small so it can move into a utilityProcess behind a message-port proxy without
 * touching the IPC binding or the event forwarding.
 */
export interface CoreHost {
  call(method: MethodName, input: unknown, principal: Principal | null): Promise<unknown>;
  resolveToken(token: string): Promise<Principal | null>;
  bus: Pick<EventBus, 'subscribe'>;
  close(): Promise<void>;
}

export type CoreHostOptions = CentreOptions;

/** Where scripts/rebuild-electron-native.mjs puts the Electron build, beside (never over) Node's build. */
export const ELECTRON_NATIVE_BINDING = join('build', 'native', 'electron', 'better_sqlite3.node');

/** The Electron build of better-sqlite3 under the app's root, if it has been built. */
export function electronNativeBinding(appPath: string): string | undefined {
  const file = join(appPath, ELECTRON_NATIVE_BINDING);
  return existsSync(file) ? file : undefined;
}

export async function openCoreHost(options: CoreHostOptions): Promise<CoreHost> {
  const centre = await openCentreWithHint(options);
  const { core } = centre;
  return {
    call: (method, input, principal) => core.call(method, input, principal),
    resolveToken: (token) => core.auth.resolveToken(token),
    bus: core.bus,
    close: async () => centre.close(),
  };
}

async function openCentreWithHint(options: CoreHostOptions): Promise<Centre> {
  const { nativeBinding } = options;
  try {
    return await openCentre(options);
  } catch (error) {
    // Without an Electron build, better-sqlite3 falls back to the Node build from `npm ci`, whose ABI Electron
    // refuses with a cryptic message; say what to do instead.
    if (!nativeBinding && /NODE_MODULE_VERSION/.test(String(error))) {
      throw new Error(
        `better-sqlite3 is built for Node, not for Electron. Run "node scripts/rebuild-electron-native.mjs" to put an Electron build in ${ELECTRON_NATIVE_BINDING}.`,
        { cause: error },
      );
    }
    throw error;
  }
}
