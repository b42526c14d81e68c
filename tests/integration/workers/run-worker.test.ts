import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { runWorker, workerEntryExists } from '../../../src/core/workers/run-worker';

const entry = new URL('./echo-worker.ts', import.meta.url);

describe('runWorker', () => {
  it('runs a TypeScript entry on another thread and returns its answer', async () => {
    const answer = await runWorker<{ threadId: number; doubled: number }>(entry, { value: 21 });
    expect(answer.doubled).toBe(42);
    expect(answer.threadId).not.toBe(threadId);
  });

  it('gives back an AppError thrown in the worker as the same AppError, and other errors by name and message', async () => {
    const failure = await runWorker(entry, { value: 1, fail: 'app' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'validation', message: 'value is out of range', errors: [{ path: 'value', message: 'too big' }] });
    await expect(runWorker(entry, { value: 1, fail: 'plain' })).rejects.toMatchObject({ name: 'TypeError', message: 'boom' });
  });

  it('knows whether an entry is there to start', () => {
    expect(workerEntryExists(entry)).toBe(true);
    expect(workerEntryExists(new URL('./missing-worker.js', import.meta.url))).toBe(false);
  });
});
