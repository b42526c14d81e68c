import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The intake benchmark's baseline: the same HTTP framework doing the least a durable intake can do — parse the
 * JSON body and run one prepared INSERT into a WAL-mode SQLite file.
 */
const dir = mkdtempSync(join(tmpdir(), 'dcr-bench-baseline-'));
const db = new Database(join(dir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE requests (id INTEGER PRIMARY KEY, idempotency_key TEXT UNIQUE NOT NULL, body TEXT NOT NULL, received_at INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO requests (idempotency_key, body, received_at) VALUES (?, ?, ?)');

const app = Fastify({ logger: false });
app.post('/ingest', async (request, reply) => {
  const body = request.body as { idempotencyKey: string };
  const result = insert.run(body.idempotencyKey, JSON.stringify(body), Date.now());
  return reply.code(201).send({ id: Number(result.lastInsertRowid) });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
