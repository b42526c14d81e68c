import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { Prng } from '../../core/demo/prng';
import type { MethodOutput } from '../../shared/contract';
import { distanceKm, moveToward, type LatLon } from './geo';

export interface SimulatorOptions {
  baseUrl: string;
  /** An integration key with `reference:read` and `telemetry:write`: the simulator is just another integration. */
  token: string;
  clock: Clock;
  seed: number;
  logger: Logger;
  /** Real milliseconds between ticks. */
  tickMs?: number;
}

type Technician = MethodOutput<'technicians.list'>[number];

interface Driver {
  id: string;
  at: LatLon;
  target: LatLon | null;
  /** Simulated instant until which the technician works on site before driving on. */
  busyUntil: number;
  random: Prng;
}

const CITY_SPEED_KMH = 32;
const MIN_ON_SITE_MS = 20 * 60_000;
const MAX_ON_SITE_MS = 90 * 60_000;

/**
 * Drives the demo centre's technicians between customer sites in simulated time and reports their GPS pings
 * through the public HTTP API, exactly as a fleet-tracking integration would.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<{ stop(): void; pings(): number }> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${opts.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  const technicians = await call<Technician[]>('GET', '/api/v1/technicians');
  const sites = await loadSites(call);
  const drivers: Driver[] = technicians
    .filter((t) => t.vehicle?.status === 'in_service')
    .map((t, index) => ({
      id: t.id,
      at: t.position ?? t.home,
      target: null,
      busyUntil: 0,
      random: new Prng(opts.seed * 7919 + index),
    }));

  let lastTick = opts.clock.now();
  let pings = 0;
  let running = true;

  const tick = async () => {
    const now = opts.clock.now();
    const elapsedH = (now - lastTick) / 3_600_000;
    lastTick = now;
    await Promise.all(
      drivers.map(async (driver) => {
        if (now < driver.busyUntil) return;
        if (!driver.target) driver.target = (sites.length ? driver.random.pick(sites) : null);
        if (!driver.target) return;
        driver.at = moveToward(driver.at, driver.target, CITY_SPEED_KMH * elapsedH);
        if (distanceKm(driver.at, driver.target) < 0.01) {
          driver.target = null;
          driver.busyUntil = now + MIN_ON_SITE_MS + driver.random.next() * (MAX_ON_SITE_MS - MIN_ON_SITE_MS);
        }
        await call('POST', `/api/v1/technicians/${driver.id}/position`, { lat: round(driver.at.lat), lon: round(driver.at.lon), at: now });
        pings += 1;
      }),
    );
  };

  const timer = setInterval(() => {
    if (!running) return;
    tick().catch((error) => opts.logger.warn('simulator tick failed', { error: String(error) }));
  }, opts.tickMs ?? 1000);
  opts.logger.info('simulator started', { technicians: drivers.length, sites: sites.length });
  return {
    stop: () => {
      running = false;
      clearInterval(timer);
    },
    pings: () => pings,
  };
}

async function loadSites(call: <T>(method: string, path: string) => Promise<T>): Promise<LatLon[]> {
  const sites: LatLon[] = [];
  let cursor: string | null = null;
  do {
    const page: MethodOutput<'customers.list'> = await call('GET', `/api/v1/customers?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    for (const customer of page.items) for (const site of customer.sites) sites.push({ lat: site.lat, lon: site.lon });
    cursor = page.nextCursor;
  } while (cursor);
  return sites;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
