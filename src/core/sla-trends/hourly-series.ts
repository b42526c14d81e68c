import { sql, type RawBuilder } from 'kysely';
import { ORDER_GROUPS } from '../sla-reports/adherence';

export type SeriesGroupBy = 'region' | 'team';

/** One line of an hourly series: a group and its value per hour (null where there is nothing to measure). */
export interface HourlySeries {
  key: string;
  label: string;
  values: (number | null)[];
}

/** Key, label and joins (from the order `wo`) of a grouping; everything in one "All" group without one. */
export function seriesGroup(groupBy: SeriesGroupBy | undefined): { key: RawBuilder<string>; label: RawBuilder<string>; joins: RawBuilder<unknown> } {
  const group = groupBy ? ORDER_GROUPS[groupBy] : { key: "''", label: "'All'", joins: '' };
  return { key: sql.raw(group.key), label: sql.raw(group.label), joins: sql.raw(group.joins) };
}

/** Index of the hour an instant column falls in, counted from `start` (integer arithmetic on whole hours). */
export const hourIndex = (column: string, start: number): RawBuilder<number> => sql`CAST((${sql.raw(column)} - ${start}) / 3600000 AS INTEGER)`;

/** Collects group rows into series of `n` hours, each hour starting at `fill`, ordered by label. */
export class SeriesTable {
  private readonly byKey = new Map<string, HourlySeries>();

  constructor(
    private readonly n: number,
    private readonly fill: number | null,
    overall: boolean,
  ) {
    // Without a grouping there is always exactly one line, even with no data at all.
    if (overall) this.line('', 'All');
  }

  line(key: string, label: string): (number | null)[] {
    let series = this.byKey.get(key);
    if (!series) this.byKey.set(key, (series = { key, label, values: new Array<number | null>(this.n).fill(this.fill) }));
    return series.values;
  }

  list(): HourlySeries[] {
    return [...this.byKey.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
}
