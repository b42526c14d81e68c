import type BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { OPEN_WORK_ORDER_STATUSES } from '../../shared/schemas/work-order.schema';
import { appendAudit } from '../audit/audit-log';
import { backupDatabase, backupFileName } from '../db/backup';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';

export interface SystemFacts {
  version: string;
  startedAt: number;
  demo: boolean;
}

export interface SystemStorage {
  sqlite: BetterSqlite3.Database;
  backupDir: string;
  /** better_sqlite3.node for the running ABI, for worker threads that open the same file. */
  nativeBinding?: string;
}

export function createSystemHandlers({ db }: CoreDeps, facts: SystemFacts, storage?: SystemStorage): HandlerMap<'system.info' | 'system.backup'> {
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
    'system.backup': async (_input, { principal, now }) => {
      if (!storage) throw new AppError('bad_request', 'This centre keeps no database file to back up.');
      const result = await backupDatabase(storage.sqlite, join(storage.backupDir, backupFileName(now)), now);
      // Recorded after the copy, so the backup's own log ends just before the entry that mentions it.
      await db.transaction().execute((trx) =>
        appendAudit(trx, principal, now, { action: 'system.backup', entityType: 'backup', entityId: result.file, after: { bytes: result.bytes } }),
      );
      return result;
    },
  };
}
