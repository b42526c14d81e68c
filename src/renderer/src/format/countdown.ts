import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';

export type Due = NonNullable<WorkOrderSummary['nextDue']>;
export type CountdownTone = 'overdue' | 'soon' | 'ok';

/** Under this much time left, a clock is shown in amber: the dispatcher should act now. */
const SOON_MS = 30 * 60_000;

/** "45 s", "4 min 05 s", "23 min", "3 h 05", "2 d 4 h": seconds only where they matter (the last ten minutes). */
export function formatSpan(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "response in 23 min" / "arrival overdue 12 min", with a tone for colouring. */
export function countdown(due: Due, now: number): { text: string; tone: CountdownTone } {
  const left = due.dueAt - now;
  if (left < 0) return { text: `${due.metric} overdue ${formatSpan(left)}`, tone: 'overdue' };
  return { text: `${due.metric} in ${formatSpan(left)}`, tone: left < SOON_MS ? 'soon' : 'ok' };
}
