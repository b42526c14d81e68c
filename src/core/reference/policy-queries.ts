import type { Kysely } from 'kysely';
import type { SlaPolicy } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { groupBy } from '../util/group-by';

const METRIC_ORDER = ['response', 'arrival', 'resolution'];

/** SLA policies with their targets, highest rank first; all, or the ones named. */
export async function loadPolicies(db: Kysely<Database>, ids?: readonly string[]): Promise<SlaPolicy[]> {
  if (ids && ids.length === 0) return [];
  let policies = db.selectFrom('sla_policies').selectAll().orderBy('rank', 'desc').orderBy('name');
  let targets = db.selectFrom('sla_targets').selectAll();
  if (ids) {
    policies = policies.where('id', 'in', ids);
    targets = targets.where('policy_id', 'in', ids);
  }
  const [rows, targetRows] = await Promise.all([policies.execute(), targets.execute()]);
  const targetsBy = groupBy(targetRows, (t) => t.policy_id);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    rank: r.rank,
    match: { priority: r.priority, categoryId: r.category_id, customerId: r.customer_id, contractCode: r.contract_code },
    calendarId: r.calendar_id,
    zoneMode: r.zone_mode,
    targets: (targetsBy.get(r.id) ?? [])
      .sort((a, b) => METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric))
      .map((t) => ({ metric: t.metric, targetSeconds: t.target_seconds })),
    warningThresholds: JSON.parse(r.warning_thresholds_json),
    pausingReasons: JSON.parse(r.pausing_reasons_json),
    reopenWindowSeconds: r.reopen_window_seconds,
    escalationProtocolId: r.escalation_protocol_id,
    active: r.active === 1,
  }));
}
