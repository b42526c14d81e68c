import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../src/core';
import type { MethodOutput } from '../../src/shared/contract';
import { SYSTEM_PRINCIPAL } from '../../src/shared/roles';
import { startHeadless } from '../../src/server/headless';

/**
 * The real headless server for the soak test: the demo centre grown to 200 technicians, in its own process so the
 * load generator does not share its loop and its memory can be watched from outside.
 */
const TECHNICIANS = 200;
const server = await startHeadless({
  dataDir: mkdtempSync(join(tmpdir(), 'dcr-bench-soak-')),
  host: '127.0.0.1',
  port: 0,
  demo: true,
  seed: 5,
  clock: systemClock,
  logger: silentLogger,
  version: 'bench',
});
const call = <M extends Parameters<typeof server.core.call>[0]>(method: M, input: unknown) => server.core.call(method, input, SYSTEM_PRINCIPAL);
const existing = (await call('technicians.list', {})) as MethodOutput<'technicians.list'>;
const template = existing[0]!;
for (let i = existing.length; i < TECHNICIANS; i++) {
  await call('technicians.create', {
    name: `Soak Technician ${i + 1}`, team: template.team, regionId: template.regionId,
    home: { lat: 52.3 + (i % 20) * 0.008, lon: 4.8 + Math.floor(i / 20) * 0.012 },
    dailyCapacityMinutes: 480, skills: template.skills.map((s) => ({ skillCode: s.skillCode, level: s.level })),
    shifts: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  });
}
const key = async (scopes: string[]) => ((await call('apiKeys.create', { kind: 'integration', name: `soak ${scopes[0]}`, scopes })) as MethodOutput<'apiKeys.create'>).secret;
const technicians = ((await call('technicians.list', {})) as MethodOutput<'technicians.list'>).map((t) => t.id);
const customers = ((await call('customers.list', { limit: 200 })) as MethodOutput<'customers.list'>).items;
const display = ((await call('apiKeys.create', { kind: 'display', name: 'soak wall' })) as MethodOutput<'apiKeys.create'>).secret;
process.stdout.write(
  `${JSON.stringify({
    port: new URL(server.url).port,
    pid: process.pid,
    intakeToken: await key(['requests:write']),
    telemetryToken: await key(['telemetry:write']),
    boardToken: await key(['work-orders:read', 'reference:read']),
    displayToken: display,
    technicians,
    sites: customers.flatMap((c) => c.sites.map((s) => ({ customerId: c.id, siteId: s.id }))),
  })}\n`,
);
