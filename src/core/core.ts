import type { Kysely } from 'kysely';
import { createAdminHandlers } from './admin/admin.service';
import { ClockEngine } from './sla-clocks';
import { createAuditHandlers } from './audit/audit.service';
import { createAuthService, type AuthService } from './auth/auth.service';
import type { Clock } from './clock';
import type { Database } from './db/schema';
import { EventBus } from './events/event-bus';
import type { Logger } from './logger';
import { createReferenceHandlers } from './reference/reference.service';
import type { CoreDeps, Handlers } from './rpc/handlers';
import { createRouter, type CallFn } from './rpc/router';
import { createSettingsHandlers } from './settings/settings.service';
import { createSlaReportHandlers } from './sla-reports/sla-reports.service';
import { createSystemHandlers, type SystemFacts } from './system/system.service';
import { createPositionHandlers } from './telemetry/positions.service';
import { createTelemetryHandlers } from './telemetry/telemetry.service';
import { requeueUnaccepted } from './work-orders/acceptance-timeouts';
import { createBatchAssignmentHandlers } from './work-orders/batch-assignment.service';
import { retryWaitingOrders } from './work-orders/waiting-orders';
import { createIntakeHandlers } from './work-orders/intake.service';
import { createWorkOrderActionHandlers } from './work-orders/work-order-actions.service';
import { createWorkOrderQueryHandlers } from './work-orders/work-order-queries';

export interface CoreOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  facts?: Partial<SystemFacts>;
}

export interface Core {
  call: CallFn;
  /** Runs every time-driven job once (acceptance timeouts); start-up calls it to catch up on time passed while down. */
  runScheduledJobs(): Promise<void>;
  /** Runs the jobs every `intervalMs` until the returned function is called. */
  startScheduler(intervalMs?: number): () => void;
  bus: EventBus;
  auth: Pick<AuthService, 'resolveToken' | 'bootstrapAdminToken'>;
  deps: CoreDeps;
}

/** Builds the services once; Electron, the headless server and tests all start from here. */
export function createCore({ db, clock, logger, facts }: CoreOptions): Core {
  const bus = new EventBus();
  const deps: CoreDeps = { db, bus, clock, logger };
  const auth = createAuthService(deps);
  const actions = createWorkOrderActionHandlers(deps);
  const handlers: Handlers = {
    ...createSystemHandlers(deps, { version: facts?.version ?? '0.0.0', startedAt: facts?.startedAt ?? clock.now(), demo: facts?.demo ?? false }),
    ...auth.handlers,
    ...createAdminHandlers(deps),
    ...createReferenceHandlers(deps),
    ...createWorkOrderQueryHandlers(deps),
    ...createPositionHandlers(deps),
    ...createIntakeHandlers(deps),
    ...actions,
    ...createSettingsHandlers(deps),
    ...createBatchAssignmentHandlers(deps),
    ...createAuditHandlers(deps),
    ...createSlaReportHandlers(deps),
    ...createTelemetryHandlers(deps, actions),
  };
  const clocks = new ClockEngine({ db, logger, onEvent: ({ name, payload }) => bus.publish(name, payload) });
  clocks.watch(bus);
  const runScheduledJobs = async () => {
    await requeueUnaccepted(deps);
    await retryWaitingOrders(deps);
    // The first tick also catches up on every instant passed while the app was not running (fired late).
    await clocks.tick(clock.now());
  };
  const startScheduler = (intervalMs = 5000) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      runScheduledJobs()
        .catch((error) => logger.error('scheduled job failed', { error: String((error as Error)?.stack ?? error) }))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref?.();
    return () => clearInterval(timer);
  };
  return { call: createRouter(handlers, clock), runScheduledJobs, startScheduler, bus, auth, deps };
}
