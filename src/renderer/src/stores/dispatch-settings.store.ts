import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { MethodInput, MethodOutput } from '@shared/contract';
import { api } from '../api';
import { isEntity } from './reference-entity';

export type DispatchSettings = MethodOutput<'settings.getDispatch'>;

/** How orders are dispatched (auto, or proposed for approval) and how long a technician has to accept. */
export const useDispatchSettingsStore = defineStore('dispatchSettings', () => {
  const settings = shallowRef<DispatchSettings | null>(null);

  async function load(): Promise<void> {
    settings.value = await api.call('settings.getDispatch', {});
  }

  async function save(input: MethodInput<'settings.setDispatch'>): Promise<void> {
    settings.value = await api.call('settings.setDispatch', input);
  }

  api.on('reference.changed', ({ entity }) => {
    // Another administrator changed them; a failed refresh keeps what is on screen.
    if (settings.value && isEntity(entity, 'setting')) load().catch(() => undefined);
  });

  return { settings, load, save };
});
