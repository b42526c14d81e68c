import { shallowRef, watch, type Ref } from 'vue';
import type { MethodInput } from '@shared/contract';
import type { WorkOrderDetail } from '@shared/schemas/work-order.schema';
import { api } from '../api';
import { describeError, toApiError } from '../api/api-error';
import { useTechStore } from '../stores/tech.store';

export type ComplianceValues = NonNullable<MethodInput<'workOrders.progress'>['compliance']>;
/** The compliance form while it is being filled in (null: not answered yet). */
export type ComplianceDraft = Record<string, string | number | boolean | null>;

/**
 * The technician's current order in full (description, address, compliance state) and what they can do with it.
 * Technicians act on the current state (no version): the server refuses only what the lifecycle forbids.
 */
export function useTechOrder(orderId: Ref<string | null>) {
  const tech = useTechStore();
  const detail = shallowRef<WorkOrderDetail | null>(null);
  const busy = shallowRef<string | null>(null);
  const error = shallowRef<string | null>(null);
  /** Server validation per compliance key (`compliance.<key>` in the problem's errors). */
  const fieldErrors = shallowRef<Record<string, string>>({});

  async function load(): Promise<void> {
    const id = orderId.value;
    if (!id) return void (detail.value = null);
    try {
      const order = await api.call('workOrders.get', { id });
      if (orderId.value === id) detail.value = order;
    } catch (failure) {
      error.value = describeError(failure);
    }
  }

  watch(orderId, () => {
    detail.value = null;
    error.value = null;
    fieldErrors.value = {};
    void load();
  }, { immediate: true });
  // Someone else changed it (the dispatcher reassigned, edited or cancelled it): show it as it is now.
  watch(
    () => (orderId.value ? tech.byId(orderId.value)?.version : undefined),
    (version) => {
      if (version !== undefined && detail.value && version > detail.value.version && !busy.value) void load();
    },
  );

  async function run(name: string, call: (id: string) => Promise<WorkOrderDetail>): Promise<boolean> {
    const id = orderId.value;
    if (!id || busy.value) return false;
    busy.value = name;
    error.value = null;
    try {
      detail.value = await call(id);
      fieldErrors.value = {};
      return true;
    } catch (failure) {
      const apiError = toApiError(failure);
      fieldErrors.value = Object.fromEntries(
        apiError.fieldErrors.filter((e) => e.path.startsWith('compliance.')).map((e) => [e.path.slice('compliance.'.length), e.message]),
      );
      error.value = describeError(apiError);
      return false;
    } finally {
      busy.value = null;
    }
  }

  return {
    detail,
    busy,
    error,
    fieldErrors,
    accept: () => run('accept', (id) => api.call('workOrders.accept', { id })),
    reject: (reason: string) => run('reject', (id) => api.call('workOrders.reject', { id, reason })),
    progress: (status: 'en_route' | 'on_site' | 'completed', compliance?: ComplianceValues) =>
      run(status, (id) => api.call('workOrders.progress', { id, status, ...(compliance && Object.keys(compliance).length ? { compliance } : {}) })),
    hold: (reason: string) => run('hold', (id) => api.call('workOrders.hold', { id, reason })),
    resume: () => run('resume', (id) => api.call('workOrders.resume', { id })),
  };
}
