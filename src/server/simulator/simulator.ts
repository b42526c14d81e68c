import type { Clock } from '../../core/clock';
import { Prng } from '../../core/demo/prng';
import type { Logger } from '../../core/logger';
import type { MethodOutput } from '../../shared/contract';
import { SimulatorApi } from './api-client';
import { FieldCrew } from './field-crew';
import { RequestFeed } from './request-feed';
import { VirtualDispatcher } from './virtual-dispatcher';

export interface SimulatorOptions {
  baseUrl: string;
  /** An integration key with requests:write, telemetry:write, work-orders:read and reference:read. */
  integrationToken: string;
  /** A dispatcher's session token, for the simulated dispatcher; without it proposals wait for a person. */
  dispatcherToken: string | null;
  clock: Clock;
  seed: number;
  logger: Logger;
  /** Real milliseconds between ticks. */
  tickMs?: number;
}

/**
 * Keeps the demo centre alive in simulated time, entirely through the public HTTP API: customer requests arrive,
 * technicians accept, drive (GPS pings), work and complete, and a simulated dispatcher approves what nobody else did.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<{ stop(): void; stats(): { requests: number; pings: number } }> {
  const api = new SimulatorApi(opts.baseUrl, opts.integrationToken);
  const [technicians, categories, customers] = await Promise.all([
    api.call<MethodOutput<'technicians.list'>>('GET', '/technicians'),
    api.call<MethodOutput<'categories.list'>>('GET', '/categories'),
    api.all<MethodOutput<'customers.list'>['items'][number]>('/customers'),
  ]);
  const runId = `${opts.seed}-${opts.clock.now().toString(36)}`;
  const feed = new RequestFeed(api, new Prng(opts.seed * 31 + 1), categories, customers, runId);
  const crew = new FieldCrew(api, new Prng(opts.seed * 31 + 2), technicians, categories);
  const dispatcher = opts.dispatcherToken ? new VirtualDispatcher(new SimulatorApi(opts.baseUrl, opts.dispatcherToken)) : null;

  let last = opts.clock.now();
  let requests = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const now = opts.clock.now();
    const elapsed = now - last;
    last = now;
    (async () => {
      requests += await feed.tick(now, elapsed);
      await crew.tick(now, elapsed);
      await dispatcher?.tick(now);
    })()
      .catch((error) => opts.logger.warn('simulator tick failed', { error: String(error) }))
      .finally(() => (busy = false));
  }, opts.tickMs ?? 1000);
  opts.logger.info('simulator started', { technicians: technicians.length, customers: customers.length, virtualDispatcher: dispatcher !== null });
  return {
    stop: () => clearInterval(timer),
    stats: () => ({ requests, pings: crew.pings }),
  };
}
