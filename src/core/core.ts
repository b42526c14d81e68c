import type { Kysely } from 'kysely';
import { createAdminHandlers } from './admin/admin.service';
import { createAuthService, type AuthService } from './auth/auth.service';
import type { Clock } from './clock';
import type { Database } from './db/schema';
import { EventBus } from './events/event-bus';
import type { Logger } from './logger';
import { createReferenceHandlers } from './reference/reference.service';
import type { CoreDeps, Handlers } from './rpc/handlers';
import { createRouter, type CallFn } from './rpc/router';
import { createSystemHandlers, type SystemFacts } from './system/system.service';
import { createPositionHandlers } from './telemetry/positions.service';
import { createWorkOrderQueryHandlers } from './work-orders/work-order-queries';

export interface CoreOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  facts?: Partial<SystemFacts>;
}

export interface Core {
  call: CallFn;
  bus: EventBus;
  auth: Pick<AuthService, 'resolveToken' | 'bootstrapAdminToken'>;
  deps: CoreDeps;
}

/** Builds the services once; Electron, the headless server and tests all start from here. */
export function createCore({ db, clock, logger, facts }: CoreOptions): Core {
  const bus = new EventBus();
  const deps: CoreDeps = { db, bus, clock, logger };
  const auth = createAuthService(deps);
  const handlers: Handlers = {
    ...createSystemHandlers(deps, { version: facts?.version ?? '0.0.0', startedAt: facts?.startedAt ?? clock.now(), demo: facts?.demo ?? false }),
    ...auth.handlers,
    ...createAdminHandlers(deps),
    ...createReferenceHandlers(deps),
    ...createWorkOrderQueryHandlers(deps),
    ...createPositionHandlers(deps),
  };
  return { call: createRouter(handlers, clock), bus, auth, deps };
}
