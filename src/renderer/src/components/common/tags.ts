import { NTag } from 'naive-ui';
import { h, type VNode } from 'vue';
import type { Priority } from '@shared/schemas/common';
import type { WorkOrderStatus } from '@shared/schemas/work-order.schema';
import { PRIORITY_LOOK, TECHNICIAN_STATUS_LOOK, WORK_ORDER_STATUS_LOOK, type TechnicianStatus } from '../../format/labels';

/** Table cell renderers shared by the board, the phone view and the admin tables. */
export const priorityTag = (priority: Priority): VNode =>
  h(NTag, { size: 'small', type: PRIORITY_LOOK[priority].tag, bordered: false, strong: true, title: PRIORITY_LOOK[priority].label }, () => priority);

export const workOrderStatusTag = (status: WorkOrderStatus): VNode =>
  h(NTag, { size: 'small', type: WORK_ORDER_STATUS_LOOK[status].tag, bordered: false }, () => WORK_ORDER_STATUS_LOOK[status].label);

export const technicianStatusTag = (status: TechnicianStatus): VNode =>
  h(NTag, { size: 'small', type: TECHNICIAN_STATUS_LOOK[status].tag, bordered: false }, () => TECHNICIAN_STATUS_LOOK[status].label);

export const muted = (text: string): VNode => h('span', { class: 'muted' }, text);
