import { DataDirInUseError } from '../../core/db/data-dir-lock';
import { StoreDamagedError } from '../../core/db/integrity';
import { AppError, toProblem } from '../../shared/errors';
import type { WireError, WireProblem } from './protocol';

/** The core process is gone (crashed, killed or closed): every call fails with this instead of waiting forever. */
export class CoreUnavailableError extends AppError {
  constructor(detail: string) {
    super('unavailable', detail);
    this.name = 'CoreUnavailableError';
  }
}

/** A failed call as the problem shape: an AppError as it is, anything else as a message that leaks no internals. */
export function toWireProblem(error: unknown): WireProblem {
  if (error instanceof AppError) return error.toProblem();
  return toProblem('internal', 'Something went wrong in the app. The error has been logged.');
}

export function fromWireProblem(problem: WireProblem): AppError {
  return new AppError(problem.code, problem.detail, problem.errors, problem.current);
}

/** A start-up failure, with the fields main's dialog may need. */
export function toWireError(error: unknown): WireError {
  const { name, message, stack, dataDir, file } = (error ?? {}) as Partial<Error & { dataDir: unknown; file: unknown }>;
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof stack === 'string' ? { stack } : {}),
    ...(typeof dataDir === 'string' ? { dataDir } : {}),
    ...(typeof file === 'string' ? { file } : {}),
  };
}

/** Start-up errors main tells apart (each has its own advice for the operator), revived as their own class. */
const KNOWN_ERRORS = new Map<string, { prototype: Error }>([
  ['DataDirInUseError', DataDirInUseError],
  ['StoreDamagedError', StoreDamagedError],
]);

/** The child's error as an Error in main: same class (for `instanceof`), name, message, stack and fields. */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  const known = KNOWN_ERRORS.get(wire.name);
  if (known) Object.setPrototypeOf(error, known.prototype);
  error.name = wire.name;
  // The child's stack says where it failed; main's would only say where the message arrived.
  if (wire.stack) error.stack = wire.stack;
  if (wire.dataDir !== undefined) Object.assign(error, { dataDir: wire.dataDir });
  if (wire.file !== undefined) Object.assign(error, { file: wire.file });
  return error;
}
