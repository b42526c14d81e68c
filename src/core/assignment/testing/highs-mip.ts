import loadHighs from 'highs';
import { checkConstraints, newProbe } from '../constraints';
import { scoreOf } from '../objective';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician } from '../types';

/**
 * The reference the engine is judged against (tests and benchmark only; `highs` is a dev dependency): the batch
 * written as a mixed-integer program and solved by HiGHS, built independently of the engine's solver from the
 * per-pair scores and the DOMAIN rules:
 *
 *   min Σ c[o,t]·x[o,t] + Σ P[o]·u[o]   s.t.  Σ_t x[o,t] + u[o] = 1 (each order),  Σ_o w[o]·x[o,t] ≤ C[t] (each
 *   technician, minutes),  x, u ∈ {0,1}  — with x only for eligible pairs, P[o] = priority penalty + the order's
 *   costliest eligible score, C[t] = capacity − workload − pinned minutes.
 */
export interface MipOutcome {
  /** `optimal`: objective is the optimum; otherwise the solve stopped early and `bound` is a proven lower bound. */
  status: 'optimal' | 'stopped';
  objective: number;
  bound: number;
  seconds: number;
}

/** One WebAssembly runtime for the whole process: loading it costs more than solving a small model. */
let runtime: ReturnType<typeof loadHighs> | undefined;

export async function solveBatchWithHighs(
  orders: readonly AssignmentOrder[],
  technicians: readonly AssignmentTechnician[],
  config: AssignmentConfig,
  options: { timeLimitSeconds?: number; relaxation?: boolean } = {},
): Promise<MipOutcome> {
  const highs = await (runtime ??= loadHighs());
  const pinned = new Map<string, number>();
  for (const o of orders) if (o.pinnedTechnicianId) pinned.set(o.pinnedTechnicianId, (pinned.get(o.pinnedTechnicianId) ?? 0) + o.estimatedMinutes);
  const techs = technicians.map((t) => ({ ...t, workloadMinutes: t.workloadMinutes + (pinned.get(t.id) ?? 0) }));
  const movable = orders.filter((o) => !o.pinnedTechnicianId);

  // Columns: x pairs, then one u per order. Built column-wise (CSC): each x touches its order row and its tech row.
  const colCost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const probe = newProbe();
  const penalties = movable.map((order, o) => {
    let worst = 0;
    techs.forEach((tech, t) => {
      if (!checkConstraints(order, tech, config, probe, null)) return;
      const cost = scoreOf(order, tech, probe, config);
      worst = Math.max(worst, cost);
      colCost.push(cost);
      indices.push(o, movable.length + t);
      values.push(1, order.estimatedMinutes);
      starts.push(indices.length);
    });
    return config.unassignedPenalty[order.priority] + worst;
  });
  movable.forEach((_, o) => {
    colCost.push(penalties[o]!);
    indices.push(o);
    values.push(1);
    starts.push(indices.length);
  });
  const numCols = colCost.length;
  const numRows = movable.length + techs.length;
  const started = performance.now();
  return highs.withModel(
    {
      numCols,
      numRows,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower: [...movable.map(() => 1), ...techs.map(() => -highs.infinity)],
      rowUpper: [...movable.map(() => 1), ...techs.map((t) => Math.max(0, t.capacityMinutes - t.workloadMinutes))],
      matrix: { format: 'csc', numRows, numCols, starts, indices, values },
      ...(options.relaxation ? {} : { integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) }),
    },
    (model) => {
      model.options.set({
        output_flag: false,
        time_limit: options.timeLimitSeconds ?? 60,
        mip_rel_gap: 0,
        mip_abs_gap: 1e-7,
      });
      model.run();
      const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
      const objective = model.getObjectiveValue();
      const bound = options.relaxation ? objective : Number(model.info.get('mip_dual_bound'));
      const status: MipOutcome['status'] = optimal ? 'optimal' : 'stopped';
      return { status, objective, bound: optimal ? Math.min(bound, objective) : bound, seconds: (performance.now() - started) / 1000 };
    },
  );
}
