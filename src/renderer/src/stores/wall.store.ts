import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { MethodOutput } from '@shared/contract';
import { api } from '../api';

/** Bursts of order changes (a batch assignment) refresh the counts once, not once per order. */
const REFRESH_COALESCE_MS = 1000;

/** The centre's headline counts for the wall display (`system.info`), refreshed when orders change. */
export const useWallStore = defineStore('wall', () => {
  const info = shallowRef<MethodOutput<'system.info'> | null>(null);
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  async function load(): Promise<void> {
    info.value = await api.call('system.info', {});
  }

  api.on('workOrder.changed', () => {
    if (!info.value || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      // A failed refresh keeps the last counts on screen; the next change or reconnection tries again.
      load().catch(() => undefined);
    }, REFRESH_COALESCE_MS);
  });

  return { info, load };
});
