import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { CalendarRecord, Category, SlaPolicy } from '@shared/schemas/reference.schema';
import { api } from '../api';
import { isEntity } from './reference-entity';

/** Configuration read by Reports and Admin: SLA policies, their calendars, work categories. */
export const useReferenceStore = defineStore('reference', () => {
  const policies = shallowRef<SlaPolicy[]>([]);
  const calendars = shallowRef<CalendarRecord[]>([]);
  const categories = shallowRef<Category[]>([]);
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const [policyList, calendarList] = await Promise.all([
      api.call('slaPolicies.list', {}),
      api.call('calendars.list', {}),
      loadCategories(),
    ]);
    policies.value = policyList;
    calendars.value = calendarList;
    loaded.value = true;
  }

  /** The board needs only the category names. */
  async function loadCategories(): Promise<void> {
    categories.value = await api.call('categories.list', {});
  }

  api.on('reference.changed', ({ entity }) => {
    // A failed background refresh keeps the last good lists on screen.
    if (loaded.value && isEntity(entity, 'sla', 'polic', 'calendar', 'holiday')) load().catch(() => undefined);
    else if (categories.value.length > 0 && isEntity(entity, 'categor')) loadCategories().catch(() => undefined);
  });

  const calendarName = computed(() => new Map(calendars.value.map((c) => [c.id, c.name])));
  const categoryById = computed(() => new Map(categories.value.map((c) => [c.id, c])));
  const categoryByCode = computed(() => new Map(categories.value.map((c) => [c.code, c])));

  return { policies, calendars, categories, calendarName, categoryById, categoryByCode, load, loadCategories };
});
