import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type MethodDef } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { Principal } from '../shared/roles';
import type { Core } from '../core';
import { principalOf } from './bearer';
import { authorize } from '../core/rpc/router';
import { NDJSON_BODY_LIMIT, NDJSON_TYPE, runCollectedNdjson, runNdjsonBatch } from './ndjson';

/** `/technicians/{technicianId}/position` → `/technicians/:technicianId/position` (fastify's syntax). */
export const toFastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

const isNdjson = (request: FastifyRequest) => (request.headers['content-type'] ?? '').toLowerCase().startsWith(NDJSON_TYPE);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** REST aliases take the input from the query (GET, DELETE) or the body, plus path parameters and mapped headers. */
function restInput(def: MethodDef, request: FastifyRequest): unknown {
  const params = (request.params ?? {}) as Record<string, string>;
  const http = def.http!;
  const source = http.method === 'GET' || http.method === 'DELETE' ? request.query : request.body;
  if (source !== undefined && source !== null && !isPlainObject(source)) {
    throw new AppError('validation', 'The request body must be a JSON object.', [{ path: '', message: 'expected an object' }]);
  }
  const input: Record<string, unknown> = { ...(source as Record<string, unknown> | undefined), ...params };
  for (const [header, field] of Object.entries(http.headerFields ?? {})) {
    const value = request.headers[header];
    if (typeof value !== 'string') continue;
    if (input[field] !== undefined && input[field] !== value) {
      throw new AppError('validation', `The ${header} header and the ${field} field disagree.`, [{ path: field, message: `differs from the ${header} header` }]);
    }
    input[field] = value;
  }
  return input;
}

/**
 * The HTTP binding, built by iterating the contract: one generic RPC endpoint for every method, plus the REST
 * alias a method declares. There is no second list of methods anywhere.
 */
export function registerRpcRoutes(app: FastifyInstance, core: Core): void {
  // NDJSON arrives as text and is split per line by the route that declared it; elsewhere it is refused (415).
  // It gets its own, larger limit: JSON bodies keep the global one.
  app.addContentTypeParser(NDJSON_TYPE, { parseAs: 'string', bodyLimit: NDJSON_BODY_LIMIT }, (_request, body, done) => done(null, body));

  /**
   * A call sent with an `Idempotency-Key` header: a client retrying a change whose answer it lost (a workstation
   * after a connection loss, an integration after a timeout) gets the first answer, not a second change.
   */
  async function callOnceOrNot(request: FastifyRequest, reply: FastifyReply, method: string, input: unknown, principal: Principal | null) {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return core.call(method, input, principal);
    const { value, replayed } = await core.callIdempotent(String(key), method, input, principal);
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    return value;
  }

  app.post('/api/v1/rpc/:method', async (request, reply) => {
    const { method } = request.params as { method: string };
    if (isNdjson(request)) throw new AppError('unsupported_media_type', 'The RPC endpoint takes application/json.');
    return callOnceOrNot(request, reply, method, request.body, await principalOf(core, request));
  });

  for (const name of METHOD_NAMES) {
    const def: MethodDef = contract[name];
    if (!def.http) continue;
    const status = def.http.successStatus ?? 200;
    const batch = def.http.ndjsonBatch;
    app.route({
      method: def.http.method,
      url: `/api/v1${toFastifyPath(def.http.path)}`,
      handler: async (request, reply) => {
        const principal = await principalOf(core, request);
        if (isNdjson(request)) {
          if (!batch) throw new AppError('unsupported_media_type', `${def.http!.method} ${def.http!.path} takes application/json.`);
          // The whole batch is refused at once for a caller who may not call the method at all.
          authorize(name, def, principal);
          const body = String(request.body ?? '');
          if (batch.collect) {
            const element = ((def.input as z.ZodObject).shape[batch.collect] as z.ZodArray).element as z.ZodType;
            return reply.code(200).send(await runCollectedNdjson(core, name, body, principal, batch.maxLines, batch.collect, element));
          }
          return reply.code(200).send(await runNdjsonBatch(core, name, body, principal, batch.maxLines, status));
        }
        const input = restInput(def, request);
        // A method that reads the key as its own field (intake) applies its own, documented rule to it.
        if (def.http!.headerFields?.['idempotency-key']) return reply.code(status).send(await core.call(name, input, principal));
        return reply.code(status).send(await callOnceOrNot(request, reply, name, input, principal));
      },
    });
  }
}
