import type { z } from 'zod';
import type { Principal, Role, Scope } from '../roles';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One RPC method, declared once. The IPC binding, the HTTP binding (RPC endpoint and REST alias), the renderer's
 * client and the OpenAPI document are all derived from this declaration.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  /** Roles of signed-in users and device/display tokens allowed to call it; `public` needs no token. */
  roles: readonly Role[] | 'public';
  /** Scopes of integration API keys allowed to call it (none: keys cannot call it). */
  scopes?: readonly Scope[];
  /** Whether the method changes state (used by the transports for request limits and by audit tests). */
  mutates: boolean;
  /** Optional REST alias under /api/v1, e.g. `{ method: 'GET', path: '/technicians/{id}' }`. */
  http?: {
    method: HttpVerb;
    path: string;
    successStatus?: number;
    /** Request headers that may carry an input field, e.g. `{ 'idempotency-key': 'idempotencyKey' }`. */
    headerFields?: Record<string, string>;
    /**
     * Also accepts `application/x-ndjson` with a result per line. Without `collect`, each line is one input and its
     * own call. With `collect`, each line is one element of the input's array field of that name: the lines are
     * checked one by one against the element schema and the valid ones go to the method in a single call.
     */
    ndjsonBatch?: { maxLines: number; collect?: string };
  };
  /** An example input for the OpenAPI document. */
  example?: unknown;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
  /** Roles that receive the event on their live stream. */
  roles: readonly Role[];
  /** A further filter per recipient, e.g. a technician only hears about their own orders. */
  audience?: (payload: z.output<P>, principal: Principal) => boolean;
}

export const defineMethod = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> =>
  def;

export const defineEvent = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def;
