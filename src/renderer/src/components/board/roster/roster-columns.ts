import { NTag, type DataTableColumns } from 'naive-ui';
import { h } from 'vue';
import type { Technician } from '@shared/schemas/reference.schema';
import { WORK_ORDER_STATUS_LOOK } from '../../../format/labels';
import { formatCost } from '../../../format/score';
import { formatSkills } from '../../../format/technicians';
import type { TechnicianLoad } from '../../../stores/board.store';
import type { Fit } from '../../../stores/drag.store';
import { muted, technicianStatusTag } from '../../common/tags';

export interface RosterLookups {
  load: (id: string) => TechnicianLoad | undefined;
  /** Set while a queue row is dragged: how the engine rates each technician for it. */
  fit: (id: string) => Fit | undefined;
}

function fitBadge(fit: Fit | undefined) {
  if (!fit) return null;
  return fit.eligible
    ? h('span', { class: 'fit ok', title: `Rank ${fit.rank}, score ${formatCost(fit.score)}` }, `#${fit.rank} · ${formatCost(fit.score)}`)
    : h('span', { class: 'fit no', title: fit.reason }, 'not eligible');
}

export function rosterColumns({ load, fit }: RosterLookups): DataTableColumns<Technician> {
  return [
    {
      title: 'Name',
      key: 'name',
      width: 200,
      ellipsis: { tooltip: true },
      render: (t) => [h('strong', { title: `${t.name} · ${t.team}` }, t.name), ' ', fitBadge(fit(t.id))],
    },
    { title: 'Status', key: 'status', width: 96, render: (t) => technicianStatusTag(t.status) },
    {
      title: 'Orders',
      key: 'load',
      width: 64,
      align: 'right',
      render: (t) => {
        const count = load(t.id)?.count ?? 0;
        return count ? h('strong', { 'data-testid': 'roster-load' }, count) : muted('0');
      },
    },
    {
      title: 'Current order',
      key: 'current',
      width: 196,
      render: (t) => {
        const current = load(t.id)?.current;
        if (!current) return muted('—');
        const look = WORK_ORDER_STATUS_LOOK[current.status];
        return [h('span', { class: 'mono' }, current.number), ' ', h(NTag, { size: 'tiny', type: look.tag, bordered: false }, () => look.label)];
      },
    },
    { title: 'Skills', key: 'skills', minWidth: 120, ellipsis: { tooltip: true }, render: formatSkills },
  ];
}
