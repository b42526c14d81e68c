import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench -- NAME` runs bench/NAME.bench.ts, which exports `run(): Promise<Record<string, number>>`, prints
 * its figures and writes them to bench/results/NAME.json.
 */
const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('usage: npm run bench -- NAME   (e.g. sla-calendar)');
  process.exit(2);
}
const module = (await import(`./${name}.bench.ts`)) as { run: () => Promise<Record<string, unknown>> };
const figures = await module.run();
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
