import { shallowRef } from 'vue';
import type { z } from 'zod';
import { describeError, toApiError } from '../api/api-error';

export type FieldErrors = Record<string, string>;
type Issue = z.ZodError['issues'][number];

/** Zod's default wording ("Too small: expected string to have >=8 characters") rephrased for people. */
function humanMessage(issue: Issue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return issue.minimum === 1 ? 'Required' : `At least ${issue.minimum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `Choose at least ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${issue.maximum} characters`;
  // Form controls never hold a value of the wrong type; a type error means the field was left empty.
  if (issue.code === 'invalid_type') return 'Required';
  return issue.message;
}

/** First message per field; nested paths keep their dotted form, as the server reports them. */
function collect(entries: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of entries) errors[path || '_'] ??= message;
  return errors;
}

/**
 * A form validated by the very schema the server parses the method's input with, so the inline errors in the
 * browser and the server's 400 say the same thing. Server-side errors (a taken username) land on the same fields.
 */
export function useContractForm<S extends z.ZodType>(schema: S) {
  const fieldErrors = shallowRef<FieldErrors>({});
  const formError = shallowRef<string | null>(null);
  const busy = shallowRef(false);

  async function submit(candidate: unknown, send: (input: z.output<S>) => Promise<void>): Promise<boolean> {
    formError.value = null;
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
      return false;
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    fieldErrors.value = {};
    formError.value = null;
  }

  return { fieldErrors, formError, busy, submit, clear };
}
