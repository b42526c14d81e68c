import { z } from 'zod';
import { events, METHOD_NAMES, type EventName, type MethodName } from '../../shared/contract';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';
import { ROLES, SCOPES } from '../../shared/roles';

/**
 * The messages between main and the core process. Each side parses what it receives with the schema for its
 * direction: a message is outside input like any other, and a malformed one must not take either side down.
 */

/** What main tells the core process to start with; plain data, since it crosses a process boundary. */
export const CoreProcessOptions = z.strictObject({
  dataDir: z.string().min(1),
  demo: z.boolean(),
  seed: z.number().int(),
  adminToken: z.string().min(1).optional(),
  /** better_sqlite3.node built for Electron's ABI; absent under plain Node, which uses the build from `npm ci`. */
  nativeBinding: z.string().min(1).optional(),
  version: z.string().min(1),
  /** The report worker's built entry as a URL string (a URL object does not survive the message). */
  reportWorker: z.url().optional(),
  /** Also serve HTTP to other workstations from the same process (startHeadless instead of openCentre). */
  serve: z
    .strictObject({
      host: z.string().min(1),
      port: z.number().int().min(0).max(65535),
      webRoot: z.string().min(1).optional(),
      tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
    })
    .optional(),
});
export type CoreProcessOptions = z.infer<typeof CoreProcessOptions>;

const RequestId = z.number().int().nonnegative();

export const WirePrincipal = z.object({
  kind: z.enum(['user', 'apiKey', 'system']),
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scopes: z.array(z.enum(SCOPES)).readonly(),
  technicianId: z.string().nullable().optional(),
  credentialId: z.string().optional(),
});

/** The shared problem shape (src/shared/errors.ts), as an AppError crosses the boundary. */
export const WireProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
});
export type WireProblem = z.infer<typeof WireProblem>;

/** Any other error, kept whole enough that main can tell a data folder in use from a damaged store. */
export const WireError = z.object({
  name: z.string(),
  message: z.string(),
  stack: z.string().optional(),
  dataDir: z.string().optional(),
  file: z.string().optional(),
});
export type WireError = z.infer<typeof WireError>;

export const ParentMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), options: CoreProcessOptions }),
  z.strictObject({
    type: z.literal('call'),
    id: RequestId,
    method: z.enum(METHOD_NAMES as [MethodName, ...MethodName[]]),
    // The contract's own schema parses it in core; here it only has to be present.
    input: z.unknown().optional(),
    principal: WirePrincipal.nullable(),
  }),
  z.strictObject({ type: z.literal('resolveToken'), id: RequestId, token: z.string() }),
  z.strictObject({ type: z.literal('close') }),
]);
export type ParentMessage = z.infer<typeof ParentMessage>;

const EVENT_NAMES = Object.keys(events) as [EventName, ...EventName[]];

export const ChildMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), serverUrl: z.string().nullable() }),
  z.strictObject({ type: z.literal('fatal'), error: WireError }),
  z.discriminatedUnion('ok', [
    z.strictObject({ type: z.literal('response'), id: RequestId, ok: z.literal(true), value: z.unknown().optional() }),
    z.strictObject({ type: z.literal('response'), id: RequestId, ok: z.literal(false), error: WireProblem }),
  ]),
  z.strictObject({ type: z.literal('event'), event: z.enum(EVENT_NAMES), payload: z.unknown().optional() }),
]);
export type ChildMessage = z.infer<typeof ChildMessage>;

/** The request id of a message that failed to parse, so the sender can still be answered instead of left waiting. */
export function requestIdOf(raw: unknown): number | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return RequestId.safeParse(id).success ? (id as number) : null;
}
