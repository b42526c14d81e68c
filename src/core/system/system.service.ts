import { OPEN_WORK_ORDER_STATUSES } from '../../shared/schemas/work-order.schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';

export interface SystemFacts {
  version: string;
  startedAt: number;
  demo: boolean;
}


export function createSystemHandlers({ db }: CoreDeps, facts: SystemFacts): HandlerMap<'system.info'> {
  const count = async (table: 'technicians' | 'customers' | 'sites' | 'categories' | 'sla_policies') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    'system.info': async (_input, { now }) => {
      const [technicians, customers, sites, categories, slaPolicies, open] = await Promise.all([
        count('technicians'),
        count('customers'),
        count('sites'),
        count('categories'),
        count('sla_policies'),
        db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', OPEN_WORK_ORDER_STATUSES).executeTakeFirstOrThrow(),
      ]);
      return {
        product: 'Dispatch Control Room',
        version: facts.version,
        startedAt: facts.startedAt,
        now,
        demo: facts.demo,
        counts: { technicians, customers, sites, categories, slaPolicies, openWorkOrders: Number(open.n) },
      };
    },
  };
}
