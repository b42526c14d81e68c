import { useBoardStore } from '../stores/board.store';
import { useReferenceStore } from '../stores/reference.store';
import { useTechniciansStore } from '../stores/technicians.store';
import { useTimelineStore } from '../stores/timeline.store';
import { useViewData } from './useViewData';

/** What the board and each of its pop-out panels need: the queue, the roster, category names, today's work. */
export function useBoardData() {
  const board = useBoardStore();
  const people = useTechniciansStore();
  const reference = useReferenceStore();
  const timeline = useTimelineStore();
  return useViewData(() => Promise.all([board.load(), people.load(), reference.loadCategories(), timeline.load()]));
}
