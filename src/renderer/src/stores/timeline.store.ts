import { defineStore } from 'pinia';
import { shallowRef, triggerRef } from 'vue';
import type { WorkOrderStatus, WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { fetchPages } from '../api/paging';

const DONE: WorkOrderStatus[] = ['completed', 'closed'];

/** Today's finished work, for the timeline (the queue itself only holds open orders). */
export const useTimelineStore = defineStore('timeline', () => {
  const done = shallowRef(new Map<string, WorkOrderSummary>());
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const midnight = new Date().setHours(0, 0, 0, 0);
    const result = await fetchPages((cursor) => api.call('workOrders.list', { status: DONE, updatedSince: midnight, limit: 1000, cursor }), 5);
    done.value = new Map(result.items.filter((o) => o.technicianId).map((o) => [o.id, o]));
    loaded.value = true;
  }

  api.on('workOrder.changed', ({ order }) => {
    if (!loaded.value) return;
    const known = done.value.get(order.id);
    if (known && known.version > order.version) return;
    // A closed order keeps the bar it had when completed; a reopened one leaves the finished work.
    if (order.status === 'completed' && order.technicianId) done.value.set(order.id, order);
    else if (order.status !== 'closed') done.value.delete(order.id);
    triggerRef(done);
  });

  return { done, load };
});
