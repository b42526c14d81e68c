import { NButton, NTag } from 'naive-ui';
import { h, type VNode } from 'vue';

export interface RowAction {
  label: string;
  onClick: () => void;
  /** Destructive actions are red. */
  danger?: boolean;
  disabled?: boolean;
}

/** The buttons at the end of an admin table row, all the same size and style. */
export const rowActions = (actions: RowAction[]): VNode =>
  h(
    'div',
    { class: 'row-actions' },
    actions.map((a) =>
      h(
        NButton,
        { size: 'tiny', quaternary: true, type: a.danger ? 'error' : 'primary', disabled: a.disabled, onClick: a.onClick },
        () => a.label,
      ),
    ),
  );

export const activeTag = (active: boolean, on = 'Active', off = 'Inactive'): VNode =>
  h(NTag, { size: 'small', bordered: false, type: active ? 'success' : 'default' }, () => (active ? on : off));

/** A column sorter over a text or number the row yields. */
export function sortOn<T>(value: (row: T) => string | number): (a: T, b: T) => number {
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  };
}

/** Chips for a short list (capabilities, roles), or a muted dash when it is empty. */
export const chips = (items: readonly string[], empty = '—'): VNode =>
  items.length === 0
    ? h('span', { class: 'muted' }, empty)
    : h(
        'div',
        { class: 'chips' },
        items.map((item) => h(NTag, { size: 'small', bordered: false }, () => item)),
      );
