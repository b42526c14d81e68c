import type { Kysely } from 'kysely';
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import type { Principal } from '../../shared/roles';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';

export interface CoreDeps {
  db: Kysely<Database>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface CallContext {
  /** Null only for `public` methods called without a token. */
  principal: Principal | null;
  now: number;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Promise<MethodOutput<M>>;

/** Each domain exports the handlers for its slice of the contract; core intersects them into the full map. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
export type Handlers = HandlerMap<MethodName>;
