import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../shared/schemas/work-order.schema';
import { assertTransition, TRANSITIONS, type LifecycleAction } from './lifecycle';
import { missingCompliance } from './compliance';

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

describe('compliance fields', () => {
  const fields = [
    { key: 'shut_off', label: 'Water shut off', type: 'boolean' as const, requiredFor: 'on_site' as const },
    { key: 'photo', label: 'Photo', type: 'boolean' as const, requiredFor: 'completed' as const },
    { key: 'signature', label: 'Signature', type: 'text' as const, requiredFor: 'closed' as const },
  ];

  it('requires the fields of a stage and of every earlier stage', () => {
    expect(missingCompliance(fields, {}, 'on_site').map((f) => f.key)).toEqual(['shut_off']);
    expect(missingCompliance(fields, { shut_off: true }, 'completed').map((f) => f.key)).toEqual(['photo']);
    expect(missingCompliance(fields, { shut_off: true, photo: true }, 'closed').map((f) => f.key)).toEqual(['signature']);
  });

  it('does not accept a required check that is false or a text that is empty', () => {
    expect(missingCompliance(fields, { shut_off: false, photo: true, signature: '' }, 'closed').map((f) => f.key)).toEqual(['shut_off', 'signature']);
  });
});
