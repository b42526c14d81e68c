import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { describeError, toApiError } from '../api/api-error';
import { conflictNotice } from '../format/conflict';
import type { DraggedOrder } from '../composables/useOrderDrag';

export type Fit = { eligible: true; rank: number; score: number } | { eligible: false; reason: string };

/** Enough to cover the roster of a centre: every eligible technician gets a rank while a row is dragged. */
const RANK_LIMIT = 50;

/**
 * Dragging a queue row onto a technician. While a row is dragged, the roster shows who is eligible (and why not)
 * from the engine's ranking; a drop assigns and dispatches on the version the row had.
 */
export const useDragStore = defineStore('drag', () => {
  const dragging = shallowRef<WorkOrderSummary | null>(null);
  const fits = shallowRef(new Map<string, Fit>());

  async function start(order: WorkOrderSummary): Promise<void> {
    dragging.value = order;
    fits.value = new Map();
    try {
      const { ranked, ineligible } = await api.call('workOrders.candidates', { id: order.id, limit: RANK_LIMIT });
      if (dragging.value?.id !== order.id) return;
      const next = new Map<string, Fit>();
      ranked.forEach((c, index) => next.set(c.technicianId, { eligible: true, rank: index + 1, score: c.score }));
      for (const t of ineligible) next.set(t.technicianId, { eligible: false, reason: t.violations.map((v) => v.message).join('; ') });
      fits.value = next;
    } catch {
      // Without the ranking the drop still works; the server explains a refusal.
    }
  }

  function end(): void {
    dragging.value = null;
    fits.value = new Map();
  }

  /** Assigns the dropped order; resolves to an error sentence, or null when the technician got the order. */
  async function drop(order: DraggedOrder, technicianId: string): Promise<string | null> {
    try {
      await api.call('workOrders.assign', { id: order.id, version: order.version, technicianId, dispatch: true });
      return null;
    } catch (failure) {
      const apiError = toApiError(failure);
      return (apiError.code === 'conflict' ? conflictNotice(order.number, apiError.problem.current) : null) ?? describeError(apiError);
    } finally {
      end();
    }
  }

  return { dragging, fits, start, end, drop };
});
