import { defineStore } from 'pinia';
import { ref } from 'vue';

export type AppState = 'loading' | 'ready' | 'error';

/**
 * The readiness marker (`data-app-state` on the root element): `loading` from the start of a navigation until
 * the view has its data, then `ready` (or `error` when loading failed). Tests wait on it instead of on timers.
 * Each load takes a ticket, so a slow load of a view already left cannot mark the next one ready.
 */
export const useAppStateStore = defineStore('appState', () => {
  const state = ref<AppState>('loading');
  let ticket = 0;
  let lastOutcome: Exclude<AppState, 'loading'> = 'ready';

  function begin(): number {
    ticket += 1;
    state.value = 'loading';
    return ticket;
  }

  function settle(which: number, outcome: Exclude<AppState, 'loading'>): void {
    if (which !== ticket) return;
    state.value = outcome;
    lastOutcome = outcome;
  }

  /** A navigation that ended where it started (redirected back, duplicated): the view on screen is unchanged. */
  function abandon(which: number): void {
    if (which === ticket) state.value = lastOutcome;
  }

  function fail(): void {
    state.value = 'error';
  }

  return { state, begin, settle, abandon, fail };
});
