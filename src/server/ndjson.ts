import type { z } from 'zod';
import type { Core } from '../core';
import { toFieldErrors } from '../core/rpc/router';
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
function splitLines(body: string, maxLines: number): string[] {
  const lines = body.split('\n').map((l) => l.trim());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new AppError('validation', 'The NDJSON body has no lines.', [{ path: '', message: 'empty batch' }]);
  if (lines.length > maxLines) throw new AppError('payload_too_large', `An NDJSON batch may have at most ${maxLines} lines; this one has ${lines.length}.`);
  return lines;
}

function parseLine(text: string, line: number): { ok: true; value: unknown } | { ok: false; result: LineResult } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, result: { line, status: 400, error: toProblem('bad_request', `Line ${line} is not valid JSON.`) } };
  }
}

const summary = (results: LineResult[]) => {
  const succeeded = results.filter((r) => r.status < 400).length;
  return { results, succeeded, failed: results.length - succeeded };
};

/**
 * A batch whose lines are the elements of one array input (`collect`): each line is checked against the element
 * schema on its own, the valid ones go to the method in one call, and its per-element results come back in order.
 */
export async function runCollectedNdjson(
  core: Core,
  method: MethodName,
  body: string,
  principal: Principal | null,
  maxLines: number,
  field: string,
  element: z.ZodType,
): Promise<{ results: LineResult[]; succeeded: number; failed: number }> {
  const results: LineResult[] = [];
  const valid: { line: number; value: unknown }[] = [];
  for (const [index, text] of splitLines(body, maxLines).entries()) {
    const line = index + 1;
    const parsed = parseLine(text, line);
    if (!parsed.ok) {
      results.push(parsed.result);
      continue;
    }
    const checked = element.safeParse(parsed.value);
    if (checked.success) valid.push({ line, value: parsed.value });
    else results.push({ line, status: 400, error: new AppError('validation', `Line ${line} is not a valid element.`, toFieldErrors(checked.error)).toProblem() });
  }
  if (valid.length > 0) {
    const output = (await core.call(method, { [field]: valid.map((v) => v.value) }, principal)) as { results: { status: number }[] };
    output.results.forEach((result, i) => results.push({ line: valid[i]!.line, status: result.status, result }));
  }
  return summary(results.sort((a, b) => a.line - b.line));
}

export async function runNdjsonBatch(
  core: Core,
  method: MethodName,
  body: string,
  principal: Principal | null,
  maxLines: number,
  successStatus: number,
): Promise<{ results: LineResult[]; succeeded: number; failed: number }> {
  const lines = splitLines(body, maxLines);
  const results: LineResult[] = [];
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    const parsed = parseLine(text, line);
    if (!parsed.ok) {
      results.push(parsed.result);
      continue;
    }
    try {
      results.push({ line, status: successStatus, result: await core.call(method, parsed.value, principal) });
    } catch (error) {
      const problem = error instanceof AppError ? error.toProblem() : toProblem('internal', 'This line failed on the server; the error has been logged.');
      if (!(error instanceof AppError)) throw error;
      results.push({ line, status: problem.status, error: problem });
    }
  }
  return summary(results);
}
