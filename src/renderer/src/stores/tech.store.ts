import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { fetchPages } from '../api/paging';
import { toProblem } from '@shared/errors';
import { ApiError } from '../api/api-error';
import { byUrgency, isOpen, OPEN_STATUSES } from '../format/work-orders';

/** One technician's own picture for the phone view: their card and their open work orders. */
export const useTechStore = defineStore('tech', () => {
  const technicianId = shallowRef<string | null>(null);
  const technician = ref<Technician | null>(null);
  const orders = ref(new Map<string, WorkOrderSummary>());

  async function load(id: string): Promise<void> {
    technicianId.value = null;
    const [technicians, assigned] = await Promise.all([
      api.call('technicians.list', {}),
      fetchPages((cursor) => api.call('workOrders.list', { technicianId: id, status: OPEN_STATUSES, limit: 200, cursor }), 5),
    ]);
    const own = technicians.find((t) => t.id === id);
    if (!own) throw new ApiError(toProblem('not_found', `There is no technician with id "${id}".`));
    technician.value = own;
    orders.value = new Map(assigned.items.map((o) => [o.id, o]));
    technicianId.value = id;
  }

  api.on('workOrder.changed', ({ order }) => {
    if (!technicianId.value) return;
    const known = orders.value.get(order.id);
    if (known && known.version > order.version) return;
    // Reassigned away, finished or cancelled: it leaves this technician's list.
    if (order.technicianId === technicianId.value && isOpen(order.status)) orders.value.set(order.id, order);
    else orders.value.delete(order.id);
  });

  api.on('technician.moved', ({ technicianId: movedId, lat, lon, at }) => {
    const own = technician.value;
    if (own && own.id === movedId && (!own.position || own.position.at <= at)) own.position = { lat, lon, at };
  });

  const queue = computed(() => [...orders.value.values()].sort(byUrgency));

  return { technician, queue, load };
});
