import { shallowRef } from 'vue';
import type { z } from 'zod';
import { describeError, toApiError } from '../api/api-error';

export type FieldErrors = Record<string, string>;
type Issue = z.ZodError['issues'][number];

/** Zod's own default wording starts like this; a schema's custom message ("at least one minute") is kept as written. */
const isDefaultWording = (message: string): boolean => /^(Too (small|big)|Invalid (option|input))/.test(message);

/** Zod's default wording ("Too small: expected string to have >=8 characters") rephrased for people. */
function humanMessage(issue: Issue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return issue.minimum === 1 ? 'Required' : `At least ${issue.minimum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `Choose at least ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${issue.maximum} characters`;
  // Form controls never hold a value of the wrong type; a type error means the field was left empty.
  if (issue.code === 'invalid_type') return 'Required';
  if (!isDefaultWording(issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'number') return issue.inclusive ? `At least ${issue.minimum}` : `Must be more than ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return issue.inclusive ? `At most ${issue.maximum}` : `Must be less than ${issue.maximum}`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `At most ${issue.maximum}`;
  if (issue.code === 'invalid_value') return 'Choose one of the options';
  return issue.message;
}

/** First message per field; nested paths keep their dotted form, as the server reports them. */
function collect(entries: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of entries) errors[path || '_'] ??= message;
  return errors;
}

/** What an `n-form-item` binds to show a field's error inline: `v-bind="field('name')"`. */
export interface FieldBinding {
  feedback: string | undefined;
  validationStatus: 'error' | undefined;
}

/**
 * A form validated by the very schema the server parses the method's input with, so the inline errors in the
 * browser and the server's 400 say the same thing. Server-side errors (a taken username) land on the same fields.
 */
export function useContractForm<S extends z.ZodType>(schema: S) {
  const fieldErrors = shallowRef<FieldErrors>({});
  const formError = shallowRef<string | null>(null);
  /** The last failure was a 409 (a duplicate code, an entity still in use, a stale version). */
  const conflict = shallowRef(false);
  const busy = shallowRef(false);

  async function submit(candidate: unknown, send: (input: z.output<S>) => Promise<void>): Promise<boolean> {
    formError.value = null;
    conflict.value = false;
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      fieldErrors.value = collect(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: humanMessage(i) })));
      return false;
    }
    fieldErrors.value = {};
    busy.value = true;
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      fieldErrors.value = collect(apiError.fieldErrors);
      formError.value = describeError(apiError);
      conflict.value = apiError.problem.status === 409;
      return false;
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    fieldErrors.value = {};
    formError.value = null;
    conflict.value = false;
  }

  /** The inline error of one field (dotted path, e.g. `targets.0.targetSeconds`), bound to an `n-form-item`. */
  function field(path: string): FieldBinding {
    const feedback = fieldErrors.value[path];
    return { feedback, validationStatus: feedback ? 'error' : undefined };
  }

  /** The errors below a path with the prefix removed (`week.mon.0.1` under `week` is `mon.0.1`), for nested editors. */
  function errorsUnder(prefix: string): FieldErrors {
    const errors: FieldErrors = {};
    for (const [path, message] of Object.entries(fieldErrors.value)) {
      if (path === prefix) errors._ ??= message;
      else if (path.startsWith(`${prefix}.`)) errors[path.slice(prefix.length + 1)] = message;
    }
    return errors;
  }

  return { fieldErrors, formError, conflict, busy, submit, clear, field, errorsUnder };
}
