import type { ChildMessage } from './protocol';

/** The child's end of the channel to main, the same whether Electron or Node started the process. */
export interface ParentChannel {
  send(message: ChildMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Main went away without asking to close. */
  onDisconnect(listener: () => void): void;
}

/** What Electron gives a utility process as `process.parentPort` (a MessagePortMain-like port). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/**
 * Electron's parent port in the app; Node's IPC when a test starts the same entry with `child_process.fork`, so
 * the child is tested for real without an Electron binary.
 */
export function connectToParent(proc: NodeJS.Process = process): ParentChannel {
  const port = (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (port) return parentPortChannel(port);
  if (proc.send) return nodeIpcChannel(proc);
  throw new Error('The dispatch core process must be started by the app (utilityProcess.fork) or with an IPC channel (child_process.fork).');
}

function parentPortChannel(port: ParentPort): ParentChannel {
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    // Electron ends a utility process together with main, so there is nothing to listen for.
    onDisconnect: () => {},
  };
}

function nodeIpcChannel(proc: NodeJS.Process): ParentChannel {
  return {
    // The callback keeps a send on a channel main already closed from becoming an uncaught 'error' event.
    send: (message) => void proc.send!(message, undefined, {}, () => {}),
    onMessage: (listener) => proc.on('message', listener),
    onDisconnect: (listener) => proc.once('disconnect', listener),
  };
}
