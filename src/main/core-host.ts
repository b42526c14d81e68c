import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '../core/events/event-bus';
import type { MethodName } from '../shared/contract';
import type { Principal } from '../shared/roles';

/**
 * Everything the Electron shell needs from the core, all asynchronous: the core runs in a utility process
 * (src/main/core-process), so the IPC binding and the event forwarding never wait on the store.
 */
export interface CoreHost {
  call(method: MethodName, input: unknown, principal: Principal | null): Promise<unknown>;
  resolveToken(token: string): Promise<Principal | null>;
  bus: Pick<EventBus, 'subscribe'>;
  close(): Promise<void>;
}

/** Where scripts/rebuild-electron-native.mjs puts the Electron build, beside (never over) Node's build. */
export const ELECTRON_NATIVE_BINDING = join('build', 'native', 'electron', 'better_sqlite3.node');

/** The Electron build of better-sqlite3 under the app's root, if it has been built. */
export function electronNativeBinding(appPath: string): string | undefined {
  const file = join(appPath, ELECTRON_NATIVE_BINDING);
  return existsSync(file) ? file : undefined;
}

/**
 * Opens the store under Electron's runtime (the core process, or `--headless`). Without an Electron build,
 * better-sqlite3 falls back to the Node build from `npm ci`, whose ABI Electron refuses with a cryptic message;
 * this says what to do instead.
 */
export async function withNativeBuildHint<T>(nativeBinding: string | undefined, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (!nativeBinding && /NODE_MODULE_VERSION/.test(String(error))) {
      throw new Error(
        `better-sqlite3 is built for Node, not for Electron. Run "node scripts/rebuild-electron-native.mjs" to put an Electron build in ${ELECTRON_NATIVE_BINDING}.`,
        { cause: error },
      );
    }
    throw error;
  }
}
