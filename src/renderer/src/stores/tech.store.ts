import { defineStore } from 'pinia';
import { computed, ref, shallowRef, triggerRef } from 'vue';
import type { Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderStatus, WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { toProblem } from '@shared/errors';
import { api } from '../api';
import { ApiError } from '../api/api-error';
import { fetchPages } from '../api/paging';
import { byUrgency } from '../format/urgency';
import { OPEN_STATUSES } from '../format/work-orders';

/**
 * What a technician's phone lists: orders sent to them (dispatched) and on. A proposal awaiting the dispatcher's
 * approval (`assigned`) is not theirs yet: they are notified when it is dispatched.
 */
const ON_PHONE: WorkOrderStatus[] = ['on_site', 'en_route', 'on_hold', 'accepted', 'dispatched'];

/** One technician's own picture for the phone view: their card and their work orders, current one first. */
export const useTechStore = defineStore('tech', () => {
  const technicianId = shallowRef<string | null>(null);
  const technician = ref<Technician | null>(null);
  const orders = shallowRef(new Map<string, WorkOrderSummary>());
  const arrivalListeners = new Set<(order: WorkOrderSummary) => void>();

  const mine = (order: WorkOrderSummary) => order.technicianId === technicianId.value && ON_PHONE.includes(order.status);

  async function load(id: string): Promise<void> {
    technicianId.value = null;
    const [technicians, assigned] = await Promise.all([
      api.call('technicians.list', {}),
      fetchPages((cursor) => api.call('workOrders.list', { technicianId: id, status: OPEN_STATUSES, limit: 200, cursor }), 5),
    ]);
    const own = technicians.find((t) => t.id === id);
    if (!own) throw new ApiError(toProblem('not_found', `There is no technician with id "${id}".`));
    technician.value = own;
    technicianId.value = id;
    orders.value = new Map(assigned.items.filter(mine).map((o) => [o.id, o]));
  }

  api.on('workOrder.changed', ({ order }) => {
    if (!technicianId.value) return;
    const known = orders.value.get(order.id);
    if (known && known.version > order.version) return;
    // Reassigned away, finished or cancelled: it leaves this technician's list.
    if (mine(order)) orders.value.set(order.id, order);
    else orders.value.delete(order.id);
    triggerRef(orders);
    if (order.status === 'dispatched' && known?.status !== 'dispatched' && mine(order)) arrivalListeners.forEach((cb) => cb(order));
  });

  api.on('technician.moved', ({ technicianId: movedId, lat, lon, at }) => {
    const own = technician.value;
    if (own && own.id === movedId && (!own.position || own.position.at <= at)) own.position = { lat, lon, at };
  });

  /** The order being worked first (on site, travelling, paused, accepted), then new dispatches by urgency. */
  const queue = computed(() =>
    [...orders.value.values()].sort((a, b) => ON_PHONE.indexOf(a.status) - ON_PHONE.indexOf(b.status) || byUrgency(a, b)),
  );

  /** Called when an order is newly dispatched to this technician (for a notification). */
  function onArrival(cb: (order: WorkOrderSummary) => void): () => void {
    arrivalListeners.add(cb);
    return () => arrivalListeners.delete(cb);
  }

  const byId = (id: string): WorkOrderSummary | undefined => orders.value.get(id);

  return { technician, queue, byId, load, onArrival };
});
