import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/audit-log';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { readAlert, readAlerts } from './alert-view';

const iso = (ms: number) => new Date(ms).toISOString();

export function createAlertsHandlers({ db, bus }: CoreDeps): HandlerMap<'alerts.list' | 'alerts.get' | 'alerts.acknowledge'> {
  const calendars = new PolicyCalendars(db);
  return {
    'alerts.list': async ({ status, orderId, since, limit }, { now }) => ({ now, items: await readAlerts(db, { status, orderId, since, limit }, now, calendars) }),

    'alerts.get': async ({ id }, { now }) => {
      const alert = await readAlert(db, id, now, calendars);
      if (!alert) throw new AppError('not_found', `No alert with id "${id}".`);
      const attempts = await db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', id).orderBy('attempted_at').orderBy('id').execute();
      return {
        ...alert,
        attempts: attempts.map((d) => ({
          id: d.id, channel: d.channel, target: d.target, attempt: d.attempt, status: d.status, attemptedAt: d.attempted_at, response: d.response, error: d.error,
        })),
      };
    },

    'alerts.acknowledge': async ({ id, note }, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const row = await trx.selectFrom('alerts').select(['id', 'clock_id', 'acknowledged_at', 'acknowledged_by']).where('id', '=', id).executeTakeFirst();
        if (!row) throw new AppError('not_found', `No alert with id "${id}".`);
        if (row.acknowledged_at !== null) {
          const current = await readAlert(trx, id, now, calendars);
          throw new AppError('conflict', `This alert was already acknowledged by ${row.acknowledged_by} at ${iso(row.acknowledged_at)}.`, undefined, current);
        }
        // Whoever acknowledges owns the clock's escalation from now on, so its other open alerts go with this one.
        const ids = row.clock_id
          ? (await trx.selectFrom('alerts').select('id').where('clock_id', '=', row.clock_id).where('acknowledged_at', 'is', null).execute()).map((a) => a.id)
          : [id];
        const by = principal?.name ?? 'System';
        await trx
          .updateTable('alerts')
          .set({
            acknowledged_at: now,
            acknowledged_by: by,
            data_json: sql<string>`json_set(data_json, '$.acknowledgement', json(${JSON.stringify({ byId: principal?.id ?? null, note: note ?? null, via: id })}))`,
          })
          .where('id', 'in', ids)
          .execute();
        const others = ids.filter((other) => other !== id);
        await appendAudit(trx, principal, now, {
          action: 'alert.acknowledged',
          entityType: 'alert',
          entityId: id,
          before: { acknowledgedAt: null },
          after: { acknowledgedAt: now, acknowledgedBy: by, note: note ?? null, alsoAcknowledged: others },
        });
        const views = await readAlerts(trx, { ids }, now, calendars);
        for (const alert of views) emit('alert.updated', { alert, change: 'acknowledged', desktop: false });
        return views.find((alert) => alert.id === id)!;
      }),
  };
}
