import { z } from 'zod';
import { contract, events, METHOD_NAMES, type MethodDef } from '../shared/contract';
import { IDEMPOTENCY_KEY_PATTERN } from '../core/rpc/idempotent-calls';
import { reportDownloadPaths } from './report-routes';

type JsonSchema = Record<string, unknown>;

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function errorResponses(def: MethodDef) {
  return {
    '400': problemResponse('Invalid input: `errors` names each offending field.'),
    ...(def.roles === 'public' ? {} : { '401': problemResponse('Missing, unknown, expired or revoked token.') }),
    ...(def.roles === 'public' ? {} : { '403': problemResponse('The caller’s role or API-key scopes do not allow this method.') }),
    '413': problemResponse('Body larger than the limit.'),
  };
}

function describe(name: string, def: MethodDef): string {
  const roles = def.roles === 'public' ? 'public (no token)' : `roles: ${def.roles.join(', ')}`;
  const scopes = def.scopes?.length ? `; API-key scopes: ${def.scopes.join(', ')}` : '';
  return `${def.summary}\n\nRPC name \`${name}\`; ${roles}${scopes}.`;
}

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the change is applied at most once per caller and key (kept 24 h); a retry gets the first answer with `Idempotent-Replayed: true`, the same key with a different call is a 409.',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
};

function operation(name: string, def: MethodDef, viaRest: boolean) {
  const verb = viaRest ? def.http!.method : 'POST';
  const input = schemaOf(def.input, 'input');
  const pathParams = viaRest ? [...def.http!.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!) : [];
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required as string[] | undefined) ?? []);
  const headerParams = viaRest
    ? Object.entries(def.http!.headerFields ?? {}).map(([header, field]) => ({
        name: header,
        in: 'header',
        required: false,
        description: `Alternative to the \`${field}\` field.`,
        schema: properties[field] ?? { type: 'string' },
      }))
    : [];
  // Intake reads the header as its own field (above); every other change may carry one for safe retries.
  const retryKey = def.mutates && !(viaRest && def.http!.headerFields?.['idempotency-key']) ? [IDEMPOTENCY_KEY_PARAMETER] : [];
  const parameters = [
    ...headerParams,
    ...retryKey,
    ...pathParams.map((p) => ({ name: p, in: 'path', required: true, schema: properties[p] ?? { type: 'string' } })),
    ...(verb === 'GET' || verb === 'DELETE'
      ? Object.entries(properties)
          .filter(([p]) => !pathParams.includes(p))
          .map(([p, schema]) => ({ name: p, in: 'query', required: required.has(p), schema }))
      : []),
  ];
  const bodySchema: JsonSchema = { ...input, properties: Object.fromEntries(Object.entries(properties).filter(([p]) => !pathParams.includes(p))) };
  if (Array.isArray(bodySchema.required)) bodySchema.required = (bodySchema.required as string[]).filter((p) => !pathParams.includes(p));
  return {
    operationId: viaRest ? name : `rpc:${name}`,
    summary: def.summary,
    description: describe(name, def),
    tags: [name.split('.')[0]],
    ...(def.roles === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(verb !== 'GET' && verb !== 'DELETE'
      ? {
          requestBody: {
            required: false,
            content: {
              'application/json': { schema: viaRest ? bodySchema : input, ...(def.example ? { example: def.example } : {}) },
              ...(viaRest && def.http!.ndjsonBatch
                ? {
                    'application/x-ndjson': {
                      schema: { type: 'string', description: `Up to ${def.http!.ndjsonBatch.maxLines} lines, each one JSON input as above; answered 200 with a result per line.` },
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
    responses: {
      [String(viaRest ? (def.http!.successStatus ?? 200) : 200)]: {
        description: 'Success',
        content: { 'application/json': { schema: schemaOf(def.output, 'output') } },
      },
      ...errorResponses(def),
    },
  };
}

/** OpenAPI 3.1, generated from the contract on each start: it cannot drift from what the server accepts. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {
    '/api/health': {
      get: { operationId: 'health', summary: 'Liveness; the only call that needs no token.', security: [], responses: { '200': { description: 'Up' } } },
    },
    ...reportDownloadPaths(),
  };
  for (const name of METHOD_NAMES) {
    const def: MethodDef = contract[name];
    paths[`/api/v1/rpc/${name}`] = { post: operation(name, def, false) };
    if (def.http) {
      const path = `/api/v1${def.http.path}`;
      paths[path] = { ...paths[path], [def.http.method.toLowerCase()]: operation(name, def, true) };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dispatch Control Room API',
      version,
      description:
        'Every call but GET /api/health needs `Authorization: Bearer <token>` (a user session, an integration API key with scopes, a technician device token or a display token). ' +
        'Errors are application/problem+json. Live events: WebSocket `/api/v1/events`, first message `{"type":"auth","token":"…"}`; ' +
        `event names: ${Object.keys(events).join(', ')}.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
        ...Object.fromEntries(Object.entries(events).map(([name, def]) => [`Event_${name}`, schemaOf(def.payload, 'output')])),
      },
    },
  };
}
