import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { AppError } from '../../shared/errors';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { adherence } from './adherence';
import { atRisk } from './at-risk';

export function createSlaReportHandlers({ db }: CoreDeps): HandlerMap<'sla.adherence' | 'sla.atRisk'> {
  const calendars = new PolicyCalendars(db);
  return {
    'sla.adherence': async ({ from, to, metric, groupBy }) => {
      const [start, end] = [Date.parse(from), Date.parse(to)];
      if (end <= start) throw new AppError('validation', 'The period must end after it starts.', [{ path: 'to', message: 'must be after from' }]);
      return { from: start, to: end, results: await adherence(db, start, end, metric, groupBy) };
    },
    'sla.atRisk': async ({ limit }, { now }) => ({ now, items: await atRisk(db, calendars, now, limit) }),
  };
}
