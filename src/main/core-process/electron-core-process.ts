import { utilityProcess, type UtilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import { connectCoreProcess, type CoreChild, type CoreProcessHost, type CoreProcessSettings } from './core-process-host';
import { CoreProcessOptions } from './protocol';

/**
 * Starts the core in an Electron utility process, so better-sqlite3's synchronous work never holds the thread
 * that serves the windows. `entry` is the built core-entry.js beside main's bundle (electron-vite builds it as its
 * own file); only call this once the app is ready.
 */
export async function openCoreProcessHost(entry: URL, options: CoreProcessOptions, settings: CoreProcessSettings = {}): Promise<CoreProcessHost> {
  // A mistake in main's own options is reported here, before a process is started for nothing.
  const checked = CoreProcessOptions.parse(options);
  const child = utilityProcess.fork(fileURLToPath(entry), [], { serviceName: 'Dispatch core', stdio: 'pipe' });
  // Piped so main decides where the core's log lines go (today: its own streams); a pipe nobody read would stall
  // the core once its buffer filled.
  child.stdout?.pipe(process.stdout, { end: false });
  child.stderr?.pipe(process.stderr, { end: false });
  return connectCoreProcess(utilityProcessChild(child), checked, settings);
}

function utilityProcessChild(child: UtilityProcess): CoreChild {
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    kill: () => void child.kill(),
  };
}
