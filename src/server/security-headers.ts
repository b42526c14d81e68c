import type { FastifyReply } from 'fastify';

export function securityHeaders(reply: FastifyReply, isApi: boolean): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (isApi) reply.header('Cache-Control', 'no-store');
}
