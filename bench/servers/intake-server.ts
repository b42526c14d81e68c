import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../src/core';
import { SYSTEM_PRINCIPAL } from '../../src/shared/roles';
import type { MethodOutput } from '../../src/shared/contract';
import { startHeadless } from '../../src/server/headless';

/** The real headless server with the demo centre, in its own process so the load generator does not share its loop. */
const server = await startHeadless({
  dataDir: mkdtempSync(join(tmpdir(), 'dcr-bench-intake-')),
  host: '127.0.0.1',
  port: 0,
  demo: true,
  seed: 1,
  clock: systemClock,
  logger: silentLogger,
  version: 'bench',
});
await server.core.call('settings.setDispatch', { mode: process.env.DISPATCH_MODE ?? 'approve', acceptTimeoutSeconds: 900 }, SYSTEM_PRINCIPAL);
const { secret } = (await server.core.call('apiKeys.create', { kind: 'integration', name: 'bench', scopes: ['requests:write'] }, SYSTEM_PRINCIPAL)) as MethodOutput<'apiKeys.create'>;
const { items } = (await server.core.call('customers.list', { limit: 200 }, SYSTEM_PRINCIPAL)) as MethodOutput<'customers.list'>;
const sites = items.flatMap((c) => c.sites.map((s) => ({ customerId: c.id, siteId: s.id })));
process.stdout.write(`${JSON.stringify({ port: new URL(server.url).port, token: secret, sites })}\n`);
