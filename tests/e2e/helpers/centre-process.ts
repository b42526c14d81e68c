import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', '..', 'src', 'server', 'cli.ts');

/**
 * The real `npm run serve` in a process of its own (the installation hosting the centre), so a test can kill
 * it and start it again on the same address and data, as a host restart would.
 */
export class CentreProcess {
  private child: ChildProcess | null = null;
  url = '';

  constructor(
    private readonly args: readonly string[],
    private readonly env: Record<string, string>,
  ) {}

  /** Starts the centre and resolves with its URL once it serves. */
  async start(): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...this.args], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the centre did not start within 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\S+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(match[1]!);
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the centre exited with ${code} before serving:\n${output}`));
      });
    });
    return this.url;
  }

  /** Ends the process the hard way (power cut, crash) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/** A TCP port nothing listens on right now, so the centre can be restarted at the same address. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
