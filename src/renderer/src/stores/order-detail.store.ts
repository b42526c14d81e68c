import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { MethodInput, MethodOutput } from '@shared/contract';
import type { WorkOrderDetail, WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { describeError, toApiError } from '../api/api-error';
import { can } from '../format/lifecycle';
import { conflictNotice } from '../format/conflict';

export type Candidates = MethodOutput<'workOrders.candidates'>;
type VersionedAction = 'workOrders.approve' | 'workOrders.assign' | 'workOrders.update' | 'workOrders.cancel' | 'workOrders.close' | 'workOrders.reopen';
type Extra<M extends VersionedAction> = Omit<MethodInput<M>, 'id' | 'version'>;

const CANDIDATE_LIMIT = 8;

/**
 * The order open in the detail drawer. What it shows is a snapshot the dispatcher acts on: a change by someone
 * else is flagged (`changedSince`) rather than swapped in under their eyes, and every action sends the version
 * shown, so acting on a stale picture is refused by the server (409) and explained (`notice`), never applied.
 */
export const useOrderDetailStore = defineStore('orderDetail', () => {
  const openId = shallowRef<string | null>(null);
  const detail = shallowRef<WorkOrderDetail | null>(null);
  const candidates = shallowRef<Candidates | null>(null);
  const loading = shallowRef(false);
  const error = shallowRef<string | null>(null);
  /** Why the last action was refused (a conflict names who changed the order, when, and its state now). */
  const notice = shallowRef<{ kind: 'conflict' | 'error'; text: string } | null>(null);
  /** The newer row announced by the event stream while the drawer shows an older version. */
  const changedSince = shallowRef<WorkOrderSummary | null>(null);
  const busy = shallowRef<string | null>(null);
  let ticket = 0;

  async function load(): Promise<void> {
    const id = openId.value;
    if (!id) return;
    const mine = ++ticket;
    loading.value = true;
    try {
      const order = await api.call('workOrders.get', { id });
      const ranked = can('assign', order.status) ? await api.call('workOrders.candidates', { id, limit: CANDIDATE_LIMIT }) : null;
      if (mine !== ticket) return;
      detail.value = order;
      candidates.value = ranked;
      changedSince.value = null;
      error.value = null;
    } catch (failure) {
      if (mine === ticket) error.value = describeError(failure);
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  async function open(id: string): Promise<void> {
    if (openId.value === id && detail.value) return;
    openId.value = id;
    detail.value = null;
    candidates.value = null;
    notice.value = null;
    await load();
  }

  function close(): void {
    ticket += 1;
    openId.value = null;
    detail.value = null;
    candidates.value = null;
    notice.value = null;
    changedSince.value = null;
    loading.value = false;
  }

  async function reload(): Promise<void> {
    notice.value = null;
    await load();
  }

  /** Runs one versioned action on the order as shown; true when the server applied it. */
  async function act<M extends VersionedAction>(method: M, extra: Extra<M>): Promise<boolean> {
    const shown = detail.value;
    if (!shown || busy.value) return false;
    busy.value = method;
    notice.value = null;
    try {
      const input = { ...extra, id: shown.id, version: shown.version } as MethodInput<M>;
      detail.value = (await api.call(method, input)) as WorkOrderDetail;
      changedSince.value = null;
      // The action's answer carries no history and the candidates have moved: read both again.
      await load();
      return true;
    } catch (failure) {
      const apiError = toApiError(failure);
      const conflict = apiError.code === 'conflict' ? conflictNotice(shown.number, apiError.problem.current) : null;
      notice.value = conflict ? { kind: 'conflict', text: conflict } : { kind: 'error', text: describeError(apiError) };
      // A refused change means the picture was wrong: show the order as it is now.
      if (apiError.code === 'conflict') await load();
      return false;
    } finally {
      busy.value = null;
    }
  }

  api.on('workOrder.changed', ({ order }) => {
    const shown = detail.value;
    if (shown && order.id === shown.id && order.version > shown.version) changedSince.value = order;
  });

  return { openId, detail, candidates, loading, error, notice, changedSince, busy, open, close, reload, act };
});
