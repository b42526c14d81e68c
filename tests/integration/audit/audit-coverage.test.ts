import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../../src/shared/contract';
import { auditHead, auditSince } from '../admin/admin-fixture';
import type { AuditCase, Entry } from './cases/case';
import { orderCases } from './cases/order-cases';
import { referenceCases } from './cases/reference-cases';
import { settingsCases } from './cases/settings-cases';
import { buildWorld, type World } from './cases/world';

/**
 * Every method that changes state is called once over HTTP and must append exactly one audit entry per entity it
 * changed (with the state before and after where there is one), and leave the hash chain verifying. A mutating
 * method without a sample call here fails the first test: whoever adds one adds its case.
 */
const CASES: Record<string, AuditCase> = { ...settingsCases, ...referenceCases, ...orderCases };
const MUTATING = METHOD_NAMES.filter((name) => contract[name].mutates);

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 60_000);
afterAll(async () => world.server.stop());

describe('audit coverage of every mutating method', () => {
  it('has a sample call for every mutating method of the contract, and none for a method that is not one', () => {
    expect(MUTATING.filter((name) => !(name in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((name) => !MUTATING.includes(name as never))).toEqual([]);
  });

  for (const [method, sample] of Object.entries(CASES)) {
    it(`${method} appends one entry per changed entity and keeps the chain verifying`, async () => {
      const prepared = await sample.prepare?.(world);
      const seq = auditHead(world.server);
      const response = await world.call(method, sample.input(world, prepared), sample.token?.(world, prepared));
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      const expected = sample.entries(response.body, world, prepared);
      const entities = expected.map((e) => `${e.entityType}:${e.entityId}`);
      expect(new Set(entities).size, 'a case lists each changed entity once').toBe(entities.length);
      const actual: Entry[] = auditSince(world.server, seq).map((a) => ({
        action: a.action,
        entityType: a.entityType,
        entityId: a.entityId,
        before: a.before !== undefined,
        after: a.after !== undefined,
      }));
      expect(actual).toEqual(expected);
      sample.keep?.(response.body, world);
      const verified = (await world.call('audit.verify', {})).body;
      expect(verified).toMatchObject({ ok: true, brokenAt: null });
    });
  }
});
