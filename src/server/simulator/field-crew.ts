import type { Prng } from '../../core/demo/prng';
import type { MethodOutput } from '../../shared/contract';
import type { Category } from '../../shared/schemas/reference.schema';
import type { WorkOrderDetail, WorkOrderSummary } from '../../shared/schemas/work-order.schema';
import type { SimulatorApi } from './api-client';
import { greatCircleKm } from '../../core/assignment/geo';
import { moveToward, type LatLon } from './geo';

type Technician = MethodOutput<'technicians.list'>[number];
type Values = Record<string, string | number | boolean>;

const CITY_SPEED_KMH = 32;
const ACTIVE = 'dispatched,accepted,en_route,on_site';

interface Job {
  site: LatLon;
  categoryCode: string;
  estimatedMinutes: number;
  /** Simulated instant of the next step: accepting, or finishing the work on site. */
  nextAt: number;
}

/**
 * Technicians working their orders in simulated time through the technician API: accept after a few minutes,
 * drive to the site reporting GPS pings, work for about the estimated duration, complete with the compliance
 * fields their category requires.
 */
export class FieldCrew {
  private readonly positions = new Map<string, LatLon>();
  private readonly jobs = new Map<string, Job>();
  private readonly fields: Map<string, Category['complianceFields']>;
  pings = 0;

  constructor(
    private readonly api: SimulatorApi,
    private readonly random: Prng,
    technicians: Technician[],
    categories: Category[],
  ) {
    for (const t of technicians) this.positions.set(t.id, t.position ?? t.home);
    this.fields = new Map(categories.map((c) => [c.code, c.complianceFields]));
  }

  async tick(now: number, elapsedMs: number): Promise<void> {
    const orders = await this.api.all<WorkOrderSummary>(`/work-orders?status=${ACTIVE}`);
    for (const order of orders) {
      if (!order.technicianId) continue;
      await this.advance(order, order.technicianId, now, elapsedMs).catch(() => {
        // A dispatcher may have changed the order meanwhile (409): it is simply looked at again next tick.
      });
    }
    for (const id of this.jobs.keys()) if (!orders.some((o) => o.id === id)) this.jobs.delete(id);
  }

  private async advance(order: WorkOrderSummary, technicianId: string, now: number, elapsedMs: number): Promise<void> {
    const job = this.jobs.get(order.id) ?? (await this.load(order, now));
    switch (order.status) {
      case 'dispatched':
        if (now >= job.nextAt) await this.api.call('POST', `/work-orders/${order.id}/accept`, { at: new Date(now).toISOString() });
        return;
      case 'accepted':
        await this.api.call('POST', `/work-orders/${order.id}/progress`, { status: 'en_route', at: new Date(now).toISOString() });
        return;
      case 'en_route': {
        const from = this.positions.get(technicianId) ?? job.site;
        const at = moveToward(from, job.site, (CITY_SPEED_KMH * elapsedMs) / 3_600_000);
        this.positions.set(technicianId, at);
        await this.api.call('POST', `/technicians/${technicianId}/position`, { lat: round(at.lat), lon: round(at.lon), at: now });
        this.pings += 1;
        if (greatCircleKm(at, job.site) < 0.05) {
          await this.api.call('POST', `/work-orders/${order.id}/progress`, { status: 'on_site', at: new Date(now).toISOString(), compliance: this.values(job, 'on_site') });
          job.nextAt = now + job.estimatedMinutes * 60_000 * (0.7 + 0.6 * this.random.next());
        }
        return;
      }
      case 'on_site':
        if (now >= job.nextAt) {
          await this.api.call('POST', `/work-orders/${order.id}/progress`, { status: 'completed', at: new Date(now).toISOString(), compliance: this.values(job, 'closed') });
        }
        return;
      default:
    }
  }

  private async load(order: WorkOrderSummary, now: number): Promise<Job> {
    const detail = await this.api.call<WorkOrderDetail>('GET', `/work-orders/${order.id}`);
    const job: Job = {
      site: { lat: detail.site.lat, lon: detail.site.lon },
      categoryCode: detail.categoryCode,
      estimatedMinutes: detail.estimatedMinutes,
      nextAt: now + this.random.int(1, 4) * 60_000,
    };
    this.jobs.set(order.id, job);
    return job;
  }

  /** Plausible values for every compliance field required up to `stage`. */
  private values(job: Job, stage: 'on_site' | 'closed'): Values {
    const order = ['on_site', 'completed', 'closed'];
    const values: Values = {};
    for (const f of this.fields.get(job.categoryCode) ?? []) {
      if (order.indexOf(f.requiredFor) > order.indexOf(stage)) continue;
      values[f.key] = f.type === 'boolean' ? true : f.type === 'number' ? this.random.int(1, 5) : f.type === 'select' ? (f.options?.[0] ?? 'ok') : 'Simulated technician';
    }
    return values;
  }
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
