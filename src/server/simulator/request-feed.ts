import type { Prng } from '../../core/demo/prng';
import type { MethodOutput } from '../../shared/contract';
import type { SimulatorApi } from './api-client';

type Category = MethodOutput<'categories.list'>[number];
type Customer = MethodOutput<'customers.list'>['items'][number];

/** Requests per simulated hour, over the whole centre: a busy but not overwhelmed city. */
const REQUESTS_PER_HOUR = 14;
const CHANNELS = ['web', 'mobile', 'api'] as const;
const SYMPTOMS = [
  'Customer reports the unit stopped working this morning.',
  'Alarm panel shows a fault code; staff on site cannot reset it.',
  'Intermittent failure since yesterday, now constant.',
  'Tenant called twice; building manager asks for a visit today.',
  'Remote monitoring raised an alert and the site confirmed the symptom.',
];

/** Customer requests arriving as a Poisson process in simulated time, posted to the intake API. */
export class RequestFeed {
  private sequence = 0;

  constructor(
    private readonly api: SimulatorApi,
    private readonly random: Prng,
    private readonly categories: Category[],
    private readonly customers: Customer[],
    private readonly runId: string,
  ) {}

  async tick(now: number, elapsedMs: number): Promise<number> {
    const expected = (REQUESTS_PER_HOUR * elapsedMs) / 3_600_000;
    let count = 0;
    // Poisson draw by inversion; the expected count per tick is small.
    for (let p = Math.exp(-expected), sum = p, u = this.random.next(); u > sum && count < 50; count++) {
      p *= expected / (count + 1);
      sum += p;
    }
    for (let i = 0; i < count; i++) await this.post(now);
    return count;
  }

  private async post(now: number): Promise<void> {
    const customer = this.random.pick(this.customers.filter((c) => c.sites.length > 0));
    const site = this.random.pick(customer.sites);
    const category = this.random.pick(this.categories.filter((c) => c.active));
    await this.api.call('POST', '/service-requests', {
      idempotencyKey: `sim-${this.runId}-${this.sequence++}`,
      channel: this.random.pick(CHANNELS),
      receivedAt: new Date(now - this.random.int(0, 4) * 60_000).toISOString(),
      categoryCode: category.code,
      description: `${category.name}: ${this.random.pick(SYMPTOMS)}`,
      customer: { id: customer.id },
      site: { id: site.id },
    });
  }
}
