import { onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { api } from '../api';
import { describeError } from '../api/api-error';
import { useAppStateStore } from '../stores/app-state.store';

/**
 * Loads a view's data and drives the readiness marker. The live stream is awaited first, so no event can slip
 * between the initial fetch and the subscription; each reconnection reloads, because events were missed while
 * the stream was down.
 */
export function useViewData(load: () => Promise<unknown>) {
  const appState = useAppStateStore();
  const error = shallowRef<string | null>(null);
  const loading = shallowRef(true);
  let stopResync: (() => void) | null = null;

  async function run(ticket: number | null): Promise<void> {
    try {
      await load();
      error.value = null;
      if (ticket !== null) appState.settle(ticket, 'ready');
    } catch (failure) {
      error.value = describeError(failure);
      if (ticket !== null) appState.settle(ticket, 'error');
    } finally {
      loading.value = false;
    }
  }

  async function reload(): Promise<void> {
    loading.value = true;
    await run(appState.begin());
  }

  onMounted(async () => {
    const ticket = appState.begin();
    await api.settled();
    // A resync after a failed load also clears the error state of the marker.
    stopResync = api.onResync(() => void run(error.value ? appState.begin() : null));
    await run(ticket);
  });
  onBeforeUnmount(() => stopResync?.());

  return { error, loading, reload };
}

/** For views with nothing to fetch: settled as soon as they are on screen (`error` for the unreachable page). */
export function useStaticView(outcome: 'ready' | 'error' = 'ready'): void {
  const appState = useAppStateStore();
  onMounted(() => appState.settle(appState.begin(), outcome));
}
