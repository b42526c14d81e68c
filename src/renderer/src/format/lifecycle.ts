import type { WorkOrderStatus } from '@shared/schemas/work-order.schema';

const OPEN: readonly WorkOrderStatus[] = ['new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'];

/**
 * The states each action may start from, as core's lifecycle declares them. The server stays the authority (it
 * refuses anything else with 409); this table only decides which buttons are enabled.
 */
const FROM = {
  approve: ['assigned'],
  assign: ['new', 'assigned', 'dispatched', 'accepted'],
  update: OPEN,
  cancel: OPEN,
  close: ['completed'],
  reopen: ['completed'],
  accept: ['dispatched'],
  reject: ['dispatched', 'accepted'],
  en_route: ['accepted'],
  on_site: ['accepted', 'en_route'],
  completed: ['on_site'],
  hold: ['accepted', 'en_route', 'on_site'],
  resume: ['on_hold'],
} as const satisfies Record<string, readonly WorkOrderStatus[]>;

type OrderAction = keyof typeof FROM;

export const can = (action: OrderAction, status: WorkOrderStatus): boolean => (FROM[action] as readonly WorkOrderStatus[]).includes(status);
