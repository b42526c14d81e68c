import type { Kysely, Selectable } from 'kysely';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { CategoryTable, Database, SlaPolicyTable } from '../db/schema';
import type { EventBus } from '../events/event-bus';

type CategoryRow = Selectable<CategoryTable>;
type PolicyRow = Selectable<SlaPolicyTable>;

export interface IntakeCategory {
  row: CategoryRow;
  requiredSkills: { skillCode: string; minLevel: number }[];
}

/** A safety net for edits made behind the bus's back (another process, a restore): entries are never older. */
const TTL_MS = 5_000;

/**
 * The reference data every intake reads and almost never changes: active categories with their skills, the
 * active SLA policies and their targets. Read per request they were a fifth of intake's queries. Cleared on
 * `reference.changed` and after TTL_MS; a category code it does not know is looked up again (it may be new).
 */
export class IntakeReference {
  private loadedAt = Number.NEGATIVE_INFINITY;
  private categories = new Map<string, IntakeCategory>();
  private policies: PolicyRow[] | null = null;
  private targets = new Map<string, { metric: SlaMetric; targetSeconds: number }[]>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
    this.categories.clear();
    this.policies = null;
    this.targets.clear();
  }

  private fresh(): void {
    const at = this.clock();
    if (at - this.loadedAt >= TTL_MS) {
      this.invalidate();
      this.loadedAt = at;
    }
  }

  /** The active category with this code, or undefined. */
  async category(db: Kysely<Database>, code: string): Promise<IntakeCategory | undefined> {
    this.fresh();
    const cached = this.categories.get(code);
    if (cached) return cached;
    const row = await db.selectFrom('categories').selectAll().where('code', '=', code).where('active', '=', 1).executeTakeFirst();
    if (!row) return undefined;
    const requiredSkills = await db
      .selectFrom('category_skills')
      .innerJoin('skills', 'skills.id', 'category_skills.skill_id')
      .select(['skills.code as skillCode', 'category_skills.min_level as minLevel'])
      .where('category_id', '=', row.id)
      .execute();
    const loaded = { row, requiredSkills };
    this.categories.set(code, loaded);
    return loaded;
  }

  async activePolicies(db: Kysely<Database>): Promise<PolicyRow[]> {
    this.fresh();
    this.policies ??= await db.selectFrom('sla_policies').selectAll().where('active', '=', 1).execute();
    return this.policies;
  }

  async policyTargets(db: Kysely<Database>, policyId: string): Promise<{ metric: SlaMetric; targetSeconds: number }[]> {
    this.fresh();
    let targets = this.targets.get(policyId);
    if (!targets) {
      targets = await db.selectFrom('sla_targets').select(['metric', 'target_seconds as targetSeconds']).where('policy_id', '=', policyId).execute();
      this.targets.set(policyId, targets);
    }
    return targets;
  }
}

const references = new WeakMap<EventBus, IntakeReference>();

/** One per core (its bus), emptied whenever reference data is reported changed. */
export function intakeReferenceFor(bus: EventBus): IntakeReference {
  let reference = references.get(bus);
  if (!reference) {
    const created = new IntakeReference();
    bus.subscribe((name) => {
      if (name === 'reference.changed') created.invalidate();
    });
    references.set(bus, created);
    reference = created;
  }
  return reference;
}
