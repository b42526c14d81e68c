import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ scheduler: false });
  for (const name of ['Wall A', 'Wall B', 'Wall C']) await api(server.url, '/api/v1/api-keys', { body: { kind: 'display', name } });
});
afterAll(async () => server.stop());

const verify = async () => (await api(server.url, '/api/v1/audit/verify')).body;
const sql = (statement: string, ...params: unknown[]) => server.database.sqlite.prepare(statement).run(...params);

describe('audit chain verification', () => {
  it('verifies an untouched log from its first entry to its last', async () => {
    const result = await verify();
    const rows = server.database.sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq').all() as { hash: string }[];
    expect(result).toEqual({ ok: true, count: rows.length, firstHash: rows[0]!.hash, lastHash: rows.at(-1)!.hash, brokenAt: null });
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });

  it('locates a changed field', async () => {
    const target = server.database.sqlite.prepare('SELECT seq, id, after_json FROM audit_log ORDER BY seq LIMIT 1 OFFSET 2').get() as { seq: number; id: string; after_json: string };
    sql('UPDATE audit_log SET after_json = ? WHERE seq = ?', target.after_json.replace('Wall', 'Hall'), target.seq);
    expect((await verify()).brokenAt).toEqual({ seq: target.seq, id: target.id, reason: 'entry content does not match its hash' });
    sql('UPDATE audit_log SET after_json = ? WHERE seq = ?', target.after_json, target.seq);
    expect((await verify()).ok).toBe(true);
  });

  it('locates a deleted entry', async () => {
    const rows = server.database.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    const removed = rows[1]!;
    sql('DELETE FROM audit_log WHERE seq = ?', removed.seq);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toMatchObject({ seq: rows[2]!.seq, reason: expect.stringContaining('previous entry') });
    const columns = Object.keys(removed);
    sql(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, ...columns.map((c) => removed[c]));
    expect((await verify()).ok).toBe(true);
  });

  it('locates reordered entries', async () => {
    const [a, b] = server.database.sqlite.prepare('SELECT seq FROM audit_log ORDER BY seq LIMIT 2 OFFSET 1').all() as { seq: number }[];
    sql('UPDATE audit_log SET seq = -1 WHERE seq = ?', a!.seq);
    sql('UPDATE audit_log SET seq = ? WHERE seq = ?', a!.seq, b!.seq);
    sql('UPDATE audit_log SET seq = ? WHERE seq = -1', b!.seq);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.brokenAt.seq).toBe(a!.seq);
  });
});
