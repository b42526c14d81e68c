import type { z } from 'zod';
import type { Role, Scope } from '../roles';

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
  http?: { method: HttpVerb; path: string; successStatus?: number };
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
  /** Roles that receive the event on their live stream. */
  roles: readonly Role[];
}

export const defineMethod = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> =>
  def;

export const defineEvent = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def;
