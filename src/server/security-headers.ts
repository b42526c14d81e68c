import type { FastifyReply } from 'fastify';

export function securityHeaders(reply: FastifyReply, isApi: boolean, https: boolean): void {
  // Once a browser has reached the centre over TLS it must never fall back to plain HTTP for it.
  if (https) reply.header('Strict-Transport-Security', 'max-age=31536000');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (isApi) reply.header('Cache-Control', 'no-store');
}
