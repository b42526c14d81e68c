import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from './schemas/work-order.schema';
import { assertTransition, TRANSITIONS, type LifecycleAction } from './lifecycle';

/** DOMAIN.md's lifecycle, written out independently of the table in lifecycle.ts. */
const ALLOWED: Record<LifecycleAction, WorkOrderStatus[]> = {
  approve: ['assigned'],
  assign: ['new', 'assigned', 'dispatched', 'accepted'],
  update: ['new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'],
  cancel: ['new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'],
  close: ['completed'],
  reopen: ['completed'],
  accept: ['dispatched'],
  reject: ['dispatched', 'accepted'],
  en_route: ['accepted'],
  on_site: ['accepted', 'en_route'],
  completed: ['on_site'],
  hold: ['accepted', 'en_route', 'on_site'],
  resume: ['on_hold'],
  accept_timeout: ['dispatched'],
};

describe('work-order lifecycle', () => {
  it('covers every action', () => expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(ALLOWED).sort()));

  for (const action of Object.keys(ALLOWED) as LifecycleAction[]) {
    it(`${action}: allowed exactly from ${ALLOWED[action].join(', ')}`, () => {
      for (const status of WORK_ORDER_STATUSES) {
        if (ALLOWED[action].includes(status)) expect(() => assertTransition(action, status)).not.toThrow();
        else expect(() => assertTransition(action, status)).toThrow(/allowed from/);
      }
    });
  }

  it('never leaves a closed or cancelled order', () => {
    for (const action of Object.keys(ALLOWED) as LifecycleAction[]) {
      expect(() => assertTransition(action, 'closed')).toThrow();
      expect(() => assertTransition(action, 'cancelled')).toThrow();
    }
  });

  it('names the states in the refusal', () => {
    expect(() => assertTransition('accept', 'new')).toThrow('Cannot accept an order that is new; allowed from: dispatched.');
  });
});
