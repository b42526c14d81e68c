import { NTag } from 'naive-ui';
import { h, type VNode } from 'vue';
import type { AdherenceCounts } from '@shared/schemas/compliance-report.schema';
import { adherenceTone, formatRatio } from '../../charts/report/figures';

/** Table cells shared by the preview's sections. */

const TONE_COLOR = { good: '#13795b', fair: '#b26a00', poor: '#c0262d', none: '#8391a2' } as const;

/** "92.3 %" coloured by tone, with "41 / 45" beneath: the ratio and what it was counted from. */
export function adherenceCell(counts: AdherenceCounts): VNode {
  const tone = adherenceTone(counts.adherence);
  return h('div', { class: 'adherence-cell', title: `${counts.met} met, ${counts.missed} missed, ${counts.breached} breached` }, [
    h('span', { style: `font-weight:650;color:${TONE_COLOR[tone]}` }, formatRatio(counts.adherence)),
    h('span', { class: 'muted', style: 'margin-left:6px;font-size:12px' }, counts.counted ? `${counts.met} / ${counts.counted}` : ''),
  ]);
}

export function outcomeTag(outcome: 'met' | 'missed' | null): VNode {
  if (outcome === null) return h(NTag, { size: 'small', bordered: false }, () => 'pending');
  return h(NTag, { size: 'small', bordered: false, type: outcome === 'met' ? 'success' : 'error' }, () => outcome);
}

/** Sorts rows by a nullable ratio, nothing counted last. */
export const byRatio =
  <T>(pick: (row: T) => number | null) =>
  (a: T, b: T): number =>
    (pick(a) ?? -1) - (pick(b) ?? -1);
