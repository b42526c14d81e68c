import { useDialog, useMessage } from 'naive-ui';
import { shallowRef } from 'vue';
import { describeError, toApiError } from '../api/api-error';

/** The list with `item` put in place of the entry with its id (or added), kept in `compare` order. */
export function upsert<T extends { id: string }>(list: readonly T[], item: T, compare?: (a: T, b: T) => number): T[] {
  const next = list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
  return compare ? next.sort(compare) : next;
}

export const removeById = <T extends { id: string }>(list: readonly T[], id: string): T[] => list.filter((x) => x.id !== id);

export const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

/** Which record a drawer edits: `null` while creating a new one. */
export function useAdminEditor<T>() {
  const show = shallowRef(false);
  const item = shallowRef<T | null>(null);
  const open = (value: T | null = null): void => {
    item.value = value;
    show.value = true;
  };
  const close = (): void => {
    show.value = false;
  };
  return { show, item, open, close };
}

interface ConfirmOptions {
  title: string;
  content: string;
  /** The button that confirms, e.g. "Delete". */
  action: string;
  run: () => Promise<void>;
  /** The toast after it succeeded. */
  done: string;
}

/**
 * Destructive actions ask first. A refusal is shown as a dialog of its own, not a fleeting toast: a 409 says what
 * still refers to the record ("used by 3 technicians") and the admin needs time to read it.
 */
export function useAdminConfirm() {
  const dialog = useDialog();
  const message = useMessage();
  return (options: ConfirmOptions): void => {
    dialog.warning({
      title: options.title,
      content: options.content,
      positiveText: options.action,
      negativeText: 'Cancel',
      onPositiveClick: async () => {
        try {
          await options.run();
          message.success(options.done);
        } catch (error) {
          const status = toApiError(error).problem.status;
          dialog.error({ title: status === 409 ? `${options.action} refused` : 'Something went wrong', content: describeError(error), positiveText: 'OK' });
        }
      },
    });
  };
}
