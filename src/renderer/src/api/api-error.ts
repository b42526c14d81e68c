import { isProblem, type FieldError, type ProblemDetails } from '@shared/errors';

/** Every failed call surfaces as this error, carrying the server's problem details unchanged. */
export class ApiError extends Error {
  readonly problem: ProblemDetails;
  /** True when the server could not be reached at all (no problem document came back). */
  readonly network: boolean;

  constructor(problem: ProblemDetails, network = false) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.network = network;
  }

  get code(): ProblemDetails['code'] {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** A problem document for failures that never reached the server's error handler. */
export function localProblem(status: number, detail: string): ProblemDetails {
  return {
    type: 'about:blank',
    title: status === 0 ? 'Server unreachable' : 'Unexpected response',
    status,
    code: status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'internal',
    detail,
  };
}

export function toApiError(value: unknown, fallbackStatus = 500): ApiError {
  if (value instanceof ApiError) return value;
  if (isProblem(value)) return new ApiError(value);
  const detail = value instanceof Error ? value.message : 'The request failed.';
  return new ApiError(localProblem(fallbackStatus, detail), fallbackStatus === 0);
}

/** A human sentence for a failed call, for toasts and inline error banners. */
export function describeError(error: unknown): string {
  const apiError = toApiError(error);
  return apiError.network ? 'The server cannot be reached. Check the connection and try again.' : apiError.message;
}
