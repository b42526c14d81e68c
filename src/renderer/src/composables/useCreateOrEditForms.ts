import { computed, watch, type Ref } from 'vue';
import type { z } from 'zod';
import { useContractForm } from './useContractForm';

/**
 * The forms of a drawer that either creates an entity or edits one: one form per contract method (their errors
 * name that method's fields), `current` the one in use, and both cleared each time the drawer opens, before
 * `onOpen` fills the fields from the entity (or blanks them for a new one).
 */
export function useCreateOrEditForms<C extends z.ZodType, U extends z.ZodType>(
  createInput: C,
  updateInput: U,
  options: { show: Ref<boolean>; editing: () => boolean; onOpen: () => void },
) {
  const createForm = useContractForm(createInput);
  const updateForm = useContractForm(updateInput);
  const current = computed(() => (options.editing() ? updateForm : createForm));
  watch(options.show, (open) => {
    if (!open) return;
    createForm.clear();
    updateForm.clear();
    options.onOpen();
  });
  return { createForm, updateForm, current };
}
