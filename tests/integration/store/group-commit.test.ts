import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/core/db/transaction';
import { EventBus } from '../../../src/core/events/event-bus';
import { useStoreDir } from './store-fixture';

const region = (code: string) => ({ id: `reg_${code}`, code, name: `Region ${code}`, center_lat: 52, center_lon: 4 });

describe('group commit (inTransaction)', () => {
  const store = useStoreDir();

  it('commits concurrent changes together, rolls a failing one back alone and publishes only what committed', async () => {
    const { db } = store.open();
    const bus = new EventBus();
    const published: string[] = [];
    bus.subscribe((name, payload) => published.push(`${name}:${(payload as { id: string }).id}`));

    const change = (code: string, fail: boolean) =>
      inTransaction(db, bus, async (trx, emit) => {
        await trx.insertInto('regions').values(region(code)).execute();
        emit('reference.changed', { entity: 'region', id: code });
        if (fail) {
          // A second write after the failure point proves the whole change, not just its last statement, rolls back.
          await trx.insertInto('regions').values(region(`${code}-extra`)).execute();
          throw new Error(`change ${code} refused`);
        }
        return code;
      });
    const results = await Promise.allSettled([change('A', false), change('B', true), change('C', false), change('D', false)]);

    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['A', 'change B refused', 'C', 'D']);
    const codes = (await db.selectFrom('regions').select('code').orderBy('code').execute()).map((r) => r.code);
    expect(codes).toEqual(['A', 'C', 'D']);
    expect(published).toEqual(['reference.changed:A', 'reference.changed:C', 'reference.changed:D']);
  });

  it('answers nobody before the commit that made their change durable', async () => {
    const { db } = store.open();
    const bus = new EventBus();
    const order: string[] = [];
    const first = inTransaction(db, bus, async (trx) => {
      await trx.insertInto('regions').values(region('X')).execute();
      order.push('X written');
    }).then(() => order.push('X answered'));
    // Queued while X's transaction runs: it shares the next commit, so it is answered after X.
    const second = inTransaction(db, bus, async (trx) => {
      await trx.insertInto('regions').values(region('Y')).execute();
      order.push('Y written');
    }).then(() => order.push('Y answered'));
    await Promise.all([first, second]);
    expect(order.indexOf('X answered')).toBeGreaterThan(order.indexOf('X written'));
    expect(order.indexOf('Y answered')).toBeGreaterThan(order.indexOf('Y written'));
    // Reopening the file shows both: they were committed, not held in a transaction still open.
    const again = store.open();
    expect((await again.db.selectFrom('regions').select('code').orderBy('code').execute()).map((r) => r.code)).toEqual(['X', 'Y']);
  });

  it('fails every change of a group whose commit fails, and keeps none of them', async () => {
    const { db, sqlite } = store.open();
    const bus = new EventBus();
    // A deferred foreign key is checked at commit: the group's commit fails although each change ran fine.
    sqlite.exec('create table child (id text primary key, parent text references regions (id) deferrable initially deferred)');
    const orphan = inTransaction(db, bus, async (trx) => {
      await trx.insertInto('regions').values(region('P')).execute();
      await sql`insert into child (id, parent) values ('c1', 'reg_missing')`.execute(trx);
    });
    const innocent = inTransaction(db, bus, async (trx) => {
      await trx.insertInto('regions').values(region('Q')).execute();
    });
    const results = await Promise.allSettled([orphan, innocent]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await db.selectFrom('regions').select('code').execute()).toEqual([]);
  });
});
