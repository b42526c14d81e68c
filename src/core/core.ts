import type { Kysely } from 'kysely';
import { createAdminHandlers } from './admin/admin.service';
import { createAlertHandlers, EscalationEngine } from './alerts';
import { ClockEngine } from './sla-clocks';
import { createSlaRepairHandlers } from './sla-clocks/sla-repair';
import { createAuditHandlers } from './audit/audit.service';
import { createAuthService, type AuthService } from './auth/auth.service';
import type { Clock } from './clock';
import type { Database } from './db/schema';
import { EventBus } from './events/event-bus';
import type { Logger } from './logger';
import { createReallocation } from './reallocation/reallocation.service';
import { createReferenceHandlers } from './reference/reference.service';
import { createReportHandlers } from './reports/reports.service';
import type { CoreDeps, Handlers } from './rpc/handlers';
import { createIdempotentCalls, type IdempotentCallFn } from './rpc/idempotent-calls';
import { createRouter, type CallFn } from './rpc/router';
import { createSettingsHandlers } from './settings/settings.service';
import { createSlaReportHandlers } from './sla-reports/sla-reports.service';
import { createSlaTrendHandlers } from './sla-trends/sla-trends.service';
import { createAnomalyHandlers } from './anomalies/anomalies.service';
import { anomalyAlertJob } from './anomalies/anomaly-alerts';
import { createSystemHandlers, type SystemFacts, type SystemStorage } from './system/system.service';
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
  /** The store's file-level handle, for online backups; absent for in-memory cores (tests). */
  storage?: SystemStorage;
  /** The report worker's entry as the host ships it (Electron's build); from source, core finds its own. */
  reportWorker?: URL;
}

export interface Core {
  call: CallFn;
  /** `call` applied at most once per principal and idempotency key (mutating methods; see idempotent-calls.ts). */
  callIdempotent: IdempotentCallFn;
  /** Runs every time-driven job once (acceptance timeouts); start-up calls it to catch up on time passed while down. */
  runScheduledJobs(): Promise<void>;
  /** Runs the jobs every `intervalMs` until the returned function is called. */
  startScheduler(intervalMs?: number): () => void;
  bus: EventBus;
  auth: Pick<AuthService, 'resolveToken' | 'bootstrapAdminToken'>;
  deps: CoreDeps;
  /** The escalation engine; `settled()` resolves once its runs and outbound deliveries are done. */
  alerts: Pick<EscalationEngine, 'settled'>;
}

/** Builds the services once; Electron, the headless server and tests all start from here. */
export function createCore({ db, clock, logger, facts, storage, reportWorker }: CoreOptions): Core {
  const bus = new EventBus();
  const deps: CoreDeps = { db, bus, clock, logger };
  const auth = createAuthService(deps);
  const actions = createWorkOrderActionHandlers(deps);
  const reallocation = createReallocation(deps);
  const handlers: Handlers = {
    ...createSystemHandlers(deps, { version: facts?.version ?? '0.0.0', startedAt: facts?.startedAt ?? clock.now(), demo: facts?.demo ?? false }, storage),
    ...auth.handlers,
    ...createAdminHandlers(deps),
    ...createAlertHandlers(deps),
    ...createReferenceHandlers(deps),
    ...createWorkOrderQueryHandlers(deps),
    ...createPositionHandlers(deps),
    ...createIntakeHandlers(deps),
    ...actions,
    ...createSettingsHandlers(deps),
    ...createBatchAssignmentHandlers(deps),
    ...createAuditHandlers(deps),
    ...createSlaReportHandlers(deps),
    ...createSlaRepairHandlers(deps),
    ...createReportHandlers(deps, storage && { databaseFile: storage.sqlite.name, nativeBinding: storage.nativeBinding, entry: reportWorker }),
    ...createSlaTrendHandlers(deps),
    ...createAnomalyHandlers(deps),
    ...createTelemetryHandlers(deps, actions),
    ...reallocation.handlers,
  };
  const clocks = new ClockEngine({ db, logger, onEvent: ({ name, payload }) => bus.publish(name, payload) });
  clocks.watch(bus);
  const escalations = new EscalationEngine(deps);
  escalations.watch(bus);
  const scanAnomalies = anomalyAlertJob(deps);
  const runScheduledJobs = async () => {
    await requeueUnaccepted(deps);
    await retryWaitingOrders(deps);
    // The first tick also catches up on every instant passed while the app was not running (fired late).
    await clocks.tick(clock.now());
    // After the clocks, so escalation reads them as just derived; it also retries due e-mail and webhook attempts.
    await escalations.tick(clock.now());
    // After the tick, so outcomes and proposals see the clocks as they stand now.
    await reallocation.runScheduledJobs();
    await scanAnomalies();
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
  const call = createRouter(handlers, clock);
  return { call, callIdempotent: createIdempotentCalls(deps, call), runScheduledJobs, startScheduler, bus, auth, deps, alerts: escalations };
}
