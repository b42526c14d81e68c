import { silentLogger, systemClock } from '../../../src/core';
import { startHeadless } from '../../../src/server/headless';

/**
 * The real headless server in a process of its own, so a test can kill it with SIGKILL. Seeds the demo centre on
 * the first start only; prints its URL on one line once it serves.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-server.ts DATA_DIR');
const server = await startHeadless({
  dataDir,
  host: '127.0.0.1',
  port: 0,
  demo: true,
  seed: 11,
  adminToken: process.env.DISPATCH_ADMIN_TOKEN,
  clock: systemClock,
  logger: silentLogger,
  version: 'crash-test',
});
process.stdout.write(`${server.url}\n`);
