import type { z } from 'zod';
import { contract, describeMethodName, isMethodName, type MethodDef, type MethodName } from '../../shared/contract';
import { AppError, type FieldError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { Clock } from '../clock';
import type { Handlers } from './handlers';

export type CallFn = (method: string, input: unknown, principal: Principal | null) => Promise<unknown>;

/**
 * The single entry point every transport uses: resolve the method, check the caller, parse the input with the
 * contract's schema, run the handler. Nothing reaches a handler unvalidated.
 */
export function createRouter(handlers: Handlers, clock: Clock): CallFn {
  return async (method, input, principal) => {
    if (!isMethodName(method)) throw new AppError('unknown_method', `There is no method named "${describeMethodName(method)}".`);
    const def: MethodDef = contract[method];
    authorize(method, def, principal);
    const parsed = def.input.safeParse(input === undefined || input === null ? {} : input);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error);
      throw new AppError('validation', `Invalid input for ${method}: ${summarise(errors)}`, errors);
    }
    const handler = handlers[method] as (input: unknown, ctx: { principal: Principal | null; now: number }) => Promise<unknown>;
    return handler(parsed.data, { principal, now: clock.now() });
  };
}

export function authorize(method: MethodName, def: MethodDef, principal: Principal | null): void {
  if (def.roles === 'public') return;
  if (!principal) throw new AppError('unauthenticated', 'A bearer token is required.');
  if (principal.kind === 'system') return;
  if (principal.role === 'integration') {
    const allowed = def.scopes ?? [];
    if (!principal.scopes.some((scope) => allowed.includes(scope))) {
      const need = allowed.length > 0 ? `one of the scopes ${allowed.join(', ')}` : 'a user or device token';
      throw new AppError('forbidden', `${method} needs ${need}; this API key has ${principal.scopes.join(', ') || 'no scopes'}.`);
    }
    return;
  }
  if (!def.roles.includes(principal.role)) {
    throw new AppError('forbidden', `${method} is not available to the ${principal.role} role.`);
  }
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    // Unknown keys are reported on the key itself, so a client sees exactly which field to drop.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'unknown field' }));
    }
    return [{ path: base, message: issue.message }];
  });
}

function summarise(errors: FieldError[]): string {
  const shown = errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return shown.join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '');
}
