import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';
import type { Principal } from '../shared/roles';
import type { Core } from '../core';

/** `Authorization: Bearer <token>`; the token is the first group. */
export const BEARER = /^Bearer\s+(\S+)$/i;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = BEARER.exec(header);
  if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

/** The caller behind the request's bearer token; null when there is none (public methods decide). */
export async function principalOf(core: Core, request: FastifyRequest): Promise<Principal | null> {
  const token = bearerToken(request);
  if (token === null) return null;
  const principal = await core.auth.resolveToken(token);
  if (!principal) throw new AppError('unauthenticated', 'The token is unknown, expired or revoked.');
  return principal;
}
