import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { verifyAuditChain } from './audit-log';

export function createAuditHandlers({ db }: CoreDeps): HandlerMap<'audit.verify'> {
  return { 'audit.verify': async () => verifyAuditChain(db) };
}
