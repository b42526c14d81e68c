import { onBeforeUnmount, onMounted } from 'vue';

/** Keys with a meaning on the board; anything typed into a field, or under a dialog, is left alone. */
export type ShortcutMap = Partial<Record<'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End' | 'Enter' | 'Escape' | 'n', () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A modal dialog (the new-order form, a confirmation) owns the keyboard while it is open. */
const dialogOpen = (): boolean => document.querySelector('.n-modal-container .n-modal, .n-modal-container .n-dialog') !== null;

export function useShortcuts(map: ShortcutMap): void {
  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || dialogOpen()) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const handler = map[key as keyof ShortcutMap];
    if (!handler) return;
    // Enter on a focused button activates that button, not the board.
    if (key === 'Enter' && event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    handler();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
