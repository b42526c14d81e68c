import { defineStore } from 'pinia';
import { computed, reactive, shallowRef, triggerRef } from 'vue';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { fetchPages } from '../api/paging';
import { byUrgency } from '../format/urgency';
import { FIELD_STATUSES, hasTechnicianWork, isOpen, OPEN_STATUSES } from '../format/work-orders';
import { emptyFilter, isFiltering, matcher } from './queue-filter';

/**
 * The board is built for 10,000 open orders, with headroom: the server pages by last change, so a cut-off would drop
 * the orders untouched the longest, which are often the most urgent.
 */
const PAGE_SIZE = 1000;
const MAX_PAGES = 20;
/** A batch assignment sends hundreds of events at once; the queue re-sorts once per burst, not once per event. */
const COALESCE_MS = 50;

export interface TechnicianLoad {
  count: number;
  /** The order they are working on or heading to (on site first), else null. */
  current: WorkOrderSummary | null;
}

/** The dispatch queue: every open work order, kept current by `workOrder.changed`, with filters and selection. */
export const useBoardStore = defineStore('board', () => {
  const orders = shallowRef(new Map<string, WorkOrderSummary>());
  const loaded = shallowRef(false);
  /** False when the queue holds more orders than one load fetches (the queue says so). */
  const complete = shallowRef(true);
  const filter = reactive(emptyFilter());
  const selectedId = shallowRef<string | null>(null);

  async function load(): Promise<void> {
    const result = await fetchPages(
      (cursor) => api.call('workOrders.list', { status: OPEN_STATUSES, limit: PAGE_SIZE, cursor }),
      MAX_PAGES,
    );
    orders.value = new Map(result.items.map((o) => [o.id, o]));
    complete.value = result.complete;
    loaded.value = true;
  }

  const pending = new Map<string, WorkOrderSummary>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  function flush(): void {
    flushTimer = undefined;
    const map = orders.value;
    for (const order of pending.values()) {
      const known = map.get(order.id);
      // Events can overtake a reload's response; never replace a row with an older version of it.
      if (known && known.version > order.version) continue;
      if (isOpen(order.status)) map.set(order.id, order);
      else map.delete(order.id);
    }
    pending.clear();
    triggerRef(orders);
  }

  api.on('workOrder.changed', ({ order }) => {
    if (!loaded.value) return;
    const waiting = pending.get(order.id);
    if (!waiting || waiting.version < order.version) pending.set(order.id, order);
    flushTimer ??= setTimeout(flush, COALESCE_MS);
  });

  const queue = computed(() => [...orders.value.values()].sort(byUrgency));
  const filtered = computed(() => (isFiltering(filter) ? queue.value.filter(matcher(filter)) : queue.value));

  const selectedIndex = computed(() => (selectedId.value ? filtered.value.findIndex((o) => o.id === selectedId.value) : -1));

  /** Moves the selection by `delta` rows within the filtered queue (↑/↓), starting at the top. */
  function moveSelection(delta: number): void {
    const rows = filtered.value;
    if (rows.length === 0) return;
    const from = selectedIndex.value;
    const to = from < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, from + delta));
    selectedId.value = rows[to]!.id;
  }

  const loadByTechnician = computed(() => {
    const loads = new Map<string, TechnicianLoad>();
    for (const order of orders.value.values()) {
      if (!hasTechnicianWork(order)) continue;
      const load = loads.get(order.technicianId!) ?? { count: 0, current: null };
      load.count += 1;
      const rank = FIELD_STATUSES.indexOf(order.status);
      if (rank >= 0 && (!load.current || rank < FIELD_STATUSES.indexOf(load.current.status))) load.current = order;
      loads.set(order.technicianId!, load);
    }
    return loads;
  });

  const openByRegion = computed(() => {
    const counts = new Map<string, number>();
    for (const order of orders.value.values()) {
      if (order.regionId) counts.set(order.regionId, (counts.get(order.regionId) ?? 0) + 1);
    }
    return counts;
  });

  return { queue, filtered, filter, complete, selectedId, selectedIndex, moveSelection, loadByTechnician, openByRegion, load };
});
