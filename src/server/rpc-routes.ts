import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contract, METHOD_NAMES, type MethodDef } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { Core } from '../core';
import { principalOf } from './bearer';

/** `/technicians/{technicianId}/position` → `/technicians/:technicianId/position` (fastify's syntax). */
export const toFastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** REST aliases take the input from the query (GET, DELETE) or the body, plus path parameters. */
function restInput(def: MethodDef, request: FastifyRequest): unknown {
  const params = (request.params ?? {}) as Record<string, string>;
  const verb = def.http!.method;
  const source = verb === 'GET' || verb === 'DELETE' ? request.query : request.body;
  if (source === undefined || source === null) return { ...params };
  if (!isPlainObject(source)) {
    throw new AppError('validation', 'The request body must be a JSON object.', [{ path: '', message: 'expected an object' }]);
  }
  return { ...source, ...params };
}

/**
 * The HTTP binding, built by iterating the contract: one generic RPC endpoint for every method, plus the REST
 * alias a method declares. There is no second list of methods anywhere.
 */
export function registerRpcRoutes(app: FastifyInstance, core: Core): void {
  app.post('/api/v1/rpc/:method', async (request) => {
    const { method } = request.params as { method: string };
    const principal = await principalOf(core, request);
    return core.call(method, request.body, principal);
  });

  for (const name of METHOD_NAMES) {
    const def: MethodDef = contract[name];
    if (!def.http) continue;
    const status = def.http.successStatus ?? 200;
    app.route({
      method: def.http.method,
      url: `/api/v1${toFastifyPath(def.http.path)}`,
      handler: async (request, reply) => {
        const principal = await principalOf(core, request);
        const result = await core.call(name, restInput(def, request), principal);
        return reply.code(status).send(result);
      },
    });
  }
}
