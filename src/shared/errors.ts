/**
 * The one error shape every boundary returns. Over HTTP it becomes application/problem+json (RFC 9457);
 * over IPC it is the same plain object, so the renderer handles both identically.
 */
export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `site.lat`; empty for the whole input. */
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  /** On a 409 for a stale version: the record as it is now and who changed it last. */
  current?: unknown;
}

const TITLES: Record<ErrorCode, string> = {
  validation: 'Invalid input',
  bad_request: 'Bad request',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  unknown_method: 'Unknown method',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  headers_too_large: 'Request headers too large',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly current?: unknown;

  constructor(code: ErrorCode, detail: string, errors?: FieldError[], current?: unknown) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.errors = errors;
    this.current = current;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toProblem(): ProblemDetails {
    const problem = toProblem(this.code, this.message, this.errors);
    return this.current === undefined ? problem : { ...problem, current: this.current };
  }
}

export function toProblem(code: ErrorCode, detail: string, errors?: FieldError[]): ProblemDetails {
  return {
    type: `urn:dispatch-control-room:problem:${code}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    code,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function isProblem(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProblemDetails).code === 'string' &&
    typeof (value as ProblemDetails).status === 'number' &&
    (value as ProblemDetails).code in ERROR_STATUS
  );
}
