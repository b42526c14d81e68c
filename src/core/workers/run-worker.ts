import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../../shared/errors';

/** What a worker entry posts back once: its value, or its error in a form that crosses the thread boundary. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string; code?: ErrorCode; errors?: FieldError[] } };

/** The error half of a reply, so an AppError thrown in the worker is the same AppError in the caller. */
export function toWorkerError(error: unknown): Extract<WorkerReply<never>, { ok: false }>['error'] {
  if (error instanceof AppError) return { name: error.name, message: error.message, code: error.code, errors: error.errors };
  return { name: (error as Error)?.name ?? 'Error', message: String((error as Error)?.message ?? error) };
}

/** True when the entry can be started: a built file, or a TypeScript source in a checkout (tsx is then present). */
export function workerEntryExists(entry: URL): boolean {
  return existsSync(fileURLToPath(entry));
}

/**
 * Runs one job on a worker thread and resolves with its reply, so a long job (a year's compliance report) never
 * holds the thread that serves requests and windows. A built `.js` entry starts directly; a `.ts` source (the
 * headless server and tests run from source) starts through tsx's loader, registered inside the new thread
 * because module hooks are per thread.
 */
export function runWorker<T>(entry: URL, workerData: unknown): Promise<T> {
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData })
    : new Worker(entry, { workerData });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: WorkerReply<T>) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) return resolve(reply.value);
      const { code, message, errors } = reply.error;
      reject(code ? new AppError(code, message, errors) : Object.assign(new Error(message), { name: reply.error.name }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The worker stopped (exit code ${code}) before it answered.`));
    });
  });
}
