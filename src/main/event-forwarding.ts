import type { EventBus } from '../core/events/event-bus';
import type { Logger } from '../core/logger';
import { IPC_EVENT_CHANNEL } from '../shared/bridge';
import { canReceive, type EventName } from '../shared/contract';
import type { WindowSessions } from './sessions';

/** The part of a webContents events are sent to. */
export interface EventRecipient {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Forwards core's events to every live window whose signed-in role may see them (the contract's `roles` per
 * event). Returns the unsubscribe function.
 */
export function forwardEvents(
  bus: Pick<EventBus, 'subscribe'>,
  targets: () => readonly EventRecipient[],
  sessions: Pick<WindowSessions, 'principalOf'>,
  logger: Logger,
): () => void {
  async function deliver(name: EventName, payload: unknown): Promise<void> {
    for (const target of targets()) {
      try {
        // Resolved per event, like calls, so a revoked session stops receiving at once.
        const principal = await sessions.principalOf(target.id);
        // Checked after the lookup: the window may have closed while it ran.
        if (principal && canReceive(name, payload, principal) && !target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, name, payload);
      } catch (error) {
        logger.error('event forwarding failed', { event: name, window: target.id, error: String((error as Error)?.stack ?? error) });
      }
    }
  }

  // Each delivery waits for the previous one: the principal lookups are async, and windows must still see events
  // in the order core published them.
  let delivered = Promise.resolve();
  return bus.subscribe((name, payload) => {
    // The catch keeps the chain alive: one failed delivery must not silence every later event.
    delivered = delivered
      .then(() => deliver(name, payload))
      .catch((error: unknown) => logger.error('event forwarding failed', { event: name, error: String((error as Error)?.stack ?? error) }));
  });
}
