import { appendAudit } from '../audit/audit-log';
import { inTransaction } from '../db/transaction';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { DISPATCH_SETTINGS_KEY, readDispatchSettings, writeDispatchSettings } from './dispatch-settings';

export function createSettingsHandlers({ db, bus }: CoreDeps): HandlerMap<'settings.getDispatch' | 'settings.setDispatch'> {
  return {
    'settings.getDispatch': async () => readDispatchSettings(db),
    'settings.setDispatch': async (input, { principal, now }) =>
      inTransaction(db, bus, async (trx, emit) => {
        const before = await readDispatchSettings(trx);
        await writeDispatchSettings(trx, input, now);
        await appendAudit(trx, principal, now, { action: 'settings.changed', entityType: 'settings', entityId: DISPATCH_SETTINGS_KEY, before, after: input });
        emit('reference.changed', { entity: 'settings', id: DISPATCH_SETTINGS_KEY });
        return input;
      }),
  };
}
