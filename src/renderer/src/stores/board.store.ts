import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { fetchPages } from '../api/paging';
import { byUrgency, isOpen, OPEN_STATUSES } from '../format/work-orders';

const PAGE_SIZE = 500;
const MAX_PAGES = 4;

/** The dispatch queue: every open work order, kept current by `workOrder.changed`. */
export const useBoardStore = defineStore('board', () => {
  const orders = ref(new Map<string, WorkOrderSummary>());
  const loaded = shallowRef(false);
  /** False when the queue holds more orders than one load fetches (the table says so). */
  const complete = shallowRef(true);

  async function load(): Promise<void> {
    const result = await fetchPages(
      (cursor) => api.call('workOrders.list', { status: OPEN_STATUSES, limit: PAGE_SIZE, cursor }),
      MAX_PAGES,
    );
    orders.value = new Map(result.items.map((o) => [o.id, o]));
    complete.value = result.complete;
    loaded.value = true;
  }

  api.on('workOrder.changed', ({ order }) => {
    if (!loaded.value) return;
    const known = orders.value.get(order.id);
    // Events can overtake a reload's response; never replace a row with an older version of it.
    if (known && known.version > order.version) return;
    if (isOpen(order.status)) orders.value.set(order.id, order);
    else orders.value.delete(order.id);
  });

  const queue = computed(() => [...orders.value.values()].sort(byUrgency));

  const openByRegion = computed(() => {
    const counts = new Map<string, number>();
    for (const order of orders.value.values()) {
      if (order.regionId) counts.set(order.regionId, (counts.get(order.regionId) ?? 0) + 1);
    }
    return counts;
  });

  return { queue, openByRegion, complete, load };
});
