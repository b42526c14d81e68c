import type { HeadlessServer } from '../../../src/server/headless';

export interface AuditRow {
  seq: number;
  action: string;
  entityType: string;
  entityId: string;
  actorKind: string;
  before: any;
  after: any;
}

/** The sequence number of the newest audit entry (0 for an empty log). */
export function auditHead(server: HeadlessServer): number {
  const row = server.database.sqlite.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null };
  return row.seq ?? 0;
}

/** Audit entries appended after `seq`, oldest first, with before/after parsed. */
export function auditSince(server: HeadlessServer, seq: number): AuditRow[] {
  const rows = server.database.sqlite
    .prepare('SELECT seq, action, entity_type, entity_id, actor_kind, before_json, after_json FROM audit_log WHERE seq > ? ORDER BY seq')
    .all(seq) as { seq: number; action: string; entity_type: string; entity_id: string; actor_kind: string; before_json: string | null; after_json: string | null }[];
  return rows.map((r) => ({
    seq: r.seq,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorKind: r.actor_kind,
    before: r.before_json === null ? undefined : JSON.parse(r.before_json),
    after: r.after_json === null ? undefined : JSON.parse(r.after_json),
  }));
}

/** One column of one row, read straight from the store (what the API does not expose, e.g. updated_at). */
export function column(server: HeadlessServer, table: string, name: string, id: string): unknown {
  return (server.database.sqlite.prepare(`SELECT "${name}" AS value FROM "${table}" WHERE id = ?`).get(id) as { value: unknown } | undefined)?.value;
}
