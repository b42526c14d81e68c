import type { Core } from '../core';
import { AppError, toProblem, type ProblemDetails } from '../shared/errors';
import type { MethodName } from '../shared/contract';
import type { Principal } from '../shared/roles';

export const NDJSON_TYPE = 'application/x-ndjson';
/** Large enough for the biggest batch a contract method declares (10,000 telemetry lines or 1,000 requests). */
export const NDJSON_BODY_LIMIT = 16 * 1024 * 1024;

export interface LineResult {
  line: number;
  status: number;
  result?: unknown;
  error?: ProblemDetails;
}

/**
 * A batch is a list of independent calls: each line is parsed, validated and committed on its own, so a bad line
 * costs only itself and the caller learns, line by line, what was created.
 */
export async function runNdjsonBatch(
  core: Core,
  method: MethodName,
  body: string,
  principal: Principal | null,
  maxLines: number,
  successStatus: number,
): Promise<{ results: LineResult[]; succeeded: number; failed: number }> {
  const lines = body.split('\n').map((l) => l.trim());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new AppError('validation', 'The NDJSON body has no lines.', [{ path: '', message: 'empty batch' }]);
  if (lines.length > maxLines) throw new AppError('payload_too_large', `An NDJSON batch may have at most ${maxLines} lines; this one has ${lines.length}.`);
  const results: LineResult[] = [];
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      results.push({ line, status: 400, error: toProblem('bad_request', `Line ${line} is not valid JSON.`) });
      continue;
    }
    try {
      results.push({ line, status: successStatus, result: await core.call(method, input, principal) });
    } catch (error) {
      const problem = error instanceof AppError ? error.toProblem() : toProblem('internal', 'This line failed on the server; the error has been logged.');
      if (!(error instanceof AppError)) throw error;
      results.push({ line, status: problem.status, error: problem });
    }
  }
  const succeeded = results.filter((r) => r.status < 400).length;
  return { results, succeeded, failed: results.length - succeeded };
}
