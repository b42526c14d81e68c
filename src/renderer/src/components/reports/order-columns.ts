import type { DataTableColumns } from 'naive-ui';
import { h } from 'vue';
import type { Priority } from '@shared/schemas/common';
import { priorityTag } from '../common/tags';

/** The columns that name an order in the report's tables: its number, customer and priority. */
export function orderColumns<Row extends { number: string; customerName: string; priority: Priority }>(): DataTableColumns<Row> {
  return [
    { title: 'Order', key: 'number', width: 150, render: (r) => h('span', { class: 'mono strong' }, r.number) },
    { title: 'Customer', key: 'customerName', minWidth: 160, ellipsis: { tooltip: true } },
    { title: 'Priority', key: 'priority', width: 76, render: (r) => priorityTag(r.priority) },
  ];
}
