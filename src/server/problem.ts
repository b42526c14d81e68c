import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, toProblem, type ErrorCode, type ProblemDetails } from '../shared/errors';
import type { Logger } from '../core/logger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/**
 * Every failure leaves as application/problem+json. Framework errors (bad JSON, too large, wrong media type) are
 * translated; anything unexpected is logged and answered with a generic 500 that leaks no internals.
 */
export function toHttpProblem(error: unknown, logger: Logger, request: FastifyRequest): ProblemDetails {
  if (error instanceof AppError) return error.toProblem();
  const fe = error as FastifyError;
  if (fe && typeof fe.code === 'string' && fe.code in FRAMEWORK_CODES) return toProblem(FRAMEWORK_CODES[fe.code]!, fe.message);
  if (fe instanceof SyntaxError || fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return toProblem('bad_request', 'The request body is not valid JSON.');
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 413 ? 'payload_too_large' : fe.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
    return toProblem(code, fe.message);
  }
  logger.error('unhandled error', { method: request.method, url: request.url, error: String((error as Error)?.stack ?? error) });
  return toProblem('internal', 'Something went wrong on the server. The error has been logged.');
}
