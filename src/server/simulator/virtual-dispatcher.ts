import type { WorkOrderSummary } from '../../shared/schemas/work-order.schema';
import type { SimulatorApi } from './api-client';

/** A human dispatcher gets this long to act on a proposal before the simulated one approves it. */
const APPROVE_AFTER_MS = 6 * 60_000;
const CLOSE_AFTER_MS = 20 * 60_000;

/**
 * The demo's second dispatcher: approves proposals nobody acted on and closes completed orders, signed in as a
 * dispatcher like a person would be, so the board keeps moving while leaving the real dispatcher time to act.
 */
export class VirtualDispatcher {
  constructor(private readonly api: SimulatorApi) {}

  async tick(now: number): Promise<void> {
    const proposed = await this.api.all<WorkOrderSummary>('/work-orders?status=assigned');
    for (const order of proposed) {
      if (now - order.updatedAt < APPROVE_AFTER_MS) continue;
      await this.api.call('POST', `/work-orders/${order.id}/approve`, { version: order.version }).catch(() => {});
    }
    const completed = await this.api.all<WorkOrderSummary>('/work-orders?status=completed');
    for (const order of completed) {
      if (now - order.updatedAt < CLOSE_AFTER_MS) continue;
      await this.api.call('POST', `/work-orders/${order.id}/close`, { version: order.version }).catch(() => {});
    }
  }
}
