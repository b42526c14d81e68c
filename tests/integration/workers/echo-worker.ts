import { parentPort, threadId, workerData } from 'node:worker_threads';
import { AppError } from '../../../src/shared/errors';
import { toWorkerError } from '../../../src/core/workers/run-worker';

/** Test entry: answers with its thread and input, or fails the way it is asked to. */
const input = workerData as { fail?: 'app' | 'plain'; value: number };
try {
  if (input.fail === 'app') throw new AppError('validation', 'value is out of range', [{ path: 'value', message: 'too big' }]);
  if (input.fail === 'plain') throw new TypeError('boom');
  parentPort!.postMessage({ ok: true, value: { threadId, doubled: input.value * 2 } });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: toWorkerError(error) });
}
