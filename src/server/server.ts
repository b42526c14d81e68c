import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Core } from '../core';
import type { Logger } from '../core/logger';
import { AppError } from '../shared/errors';
import { principalOf } from './bearer';
import { registerEventStream } from './event-stream';
import { buildOpenApi } from './openapi';
import { sendProblem, toHttpProblem } from './problem';
import { clientErrorHandler } from './client-errors';
import { DEFAULT_RATE_LIMITS, registerRateLimits, type RateLimits } from './rate-limit';
import { registerReportRoutes } from './report-routes';
import { registerRpcRoutes } from './rpc-routes';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { securityHeaders } from './security-headers';

export interface ServerOptions {
  core: Core;
  logger: Logger;
  version: string;
  /** Folder of the built renderer; omitted in API-only tests. */
  webRoot?: string;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  rateLimits?: RateLimits;
  /** PEM certificate and key: the server speaks HTTPS only (a centre serving other workstations on the LAN). */
  tls?: TlsMaterial;
}

export interface TlsMaterial {
  cert: string | Buffer;
  key: string | Buffer;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildServer({ core, logger, version, webRoot, bodyLimit = DEFAULT_BODY_LIMIT, rateLimits = DEFAULT_RATE_LIMITS, tls }: ServerOptions): Promise<FastifyInstance> {
  // fastify types an HTTPS instance separately; routes and hooks are the same, so one instance type serves both.
  const app = Fastify({
    // TLS 1.2 is the floor: older versions are refused during the handshake.
    https: tls ? { cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' } : null,
    bodyLimit,
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: true,
    clientErrorHandler,
    // A malformed URL or an over-long path segment is refused by the router before any hook: same problem shape.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(reply, new AppError('bad_request', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long.' : 'The URL is malformed.').toProblem()),
  });
  const openapi = JSON.stringify(buildOpenApi(version));

  // The API speaks JSON only; anything else is a 415 rather than a string handed to a schema.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error, request, reply) => sendProblem(reply, toHttpProblem(error, logger, request)));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(reply, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`).toProblem());
    // Client-side routes live in the hash, so any other unknown path is simply not there.
    return sendProblem(reply, new AppError('not_found', 'Not found.').toProblem());
  });
  app.addHook('onSend', async (request, reply, payload) => {
    securityHeaders(reply, request.url.startsWith('/api/'), tls !== undefined);
    return payload;
  });

  registerRateLimits(app, rateLimits);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.get('/api/health', async () => ({ status: 'ok', version }));
  app.get('/api/v1/openapi.json', async (request, reply) => {
    // The document is behind a token like everything else but health: it is generated, so cheap to serve.
    const principal = await principalOf(core, request);
    if (!principal) throw new AppError('unauthenticated', 'A bearer token is required.');
    return reply.type('application/json').send(openapi);
  });
  registerRpcRoutes(app, core);
  registerReportRoutes(app, core);
  registerEventStream(app, core);

  if (webRoot && existsSync(webRoot)) {
    // wildcard: files are looked up per request, so a rebuilt renderer is served without a restart.
    await app.register(fastifyStatic, { root: resolve(webRoot), index: 'index.html', wildcard: true, cacheControl: false, setHeaders: (res) => res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY) });
  }
  return app;
}
