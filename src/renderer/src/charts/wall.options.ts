import type { EChartsOption } from 'echarts';
import type { Region, Technician } from '@shared/schemas/reference.schema';
import { TECHNICIAN_STATUS_LOOK, type TechnicianStatus } from '../format/labels';

/** Wall charts are read from five metres away: large type, high contrast, no fine detail. */
const TEXT = '#e6edf3';
const FAINT = '#2a3441';

export function technicianStatusOption(technicians: Technician[]): EChartsOption {
  const statuses = Object.keys(TECHNICIAN_STATUS_LOOK) as TechnicianStatus[];
  return {
    animationDurationUpdate: 600,
    legend: {
      orient: 'vertical',
      right: 24,
      top: 'middle',
      itemWidth: 28,
      itemHeight: 28,
      itemGap: 28,
      textStyle: { color: TEXT, fontSize: 30 },
      formatter: (name: string) => {
        const status = statuses.find((s) => TECHNICIAN_STATUS_LOOK[s].label === name);
        return `${name}  ${technicians.filter((t) => t.status === status).length}`;
      },
    },
    series: [
      {
        id: 'status',
        type: 'pie',
        radius: ['48%', '82%'],
        center: ['32%', '50%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#0d1219', borderWidth: 4 },
        label: {
          show: true,
          position: 'inside',
          color: '#05070b',
          fontSize: 30,
          fontWeight: 700,
          formatter: (p) => (p.value ? String(p.value) : ''),
        },
        data: statuses.map((status) => ({
          name: TECHNICIAN_STATUS_LOOK[status].label,
          value: technicians.filter((t) => t.status === status).length,
          itemStyle: { color: TECHNICIAN_STATUS_LOOK[status].color },
        })),
      },
    ],
  };
}

export function techniciansByRegionOption(technicians: Technician[], regions: Region[]): EChartsOption {
  const unassigned = technicians.filter((t) => !t.regionId || !regions.some((r) => r.id === t.regionId)).length;
  const rows = [
    ...regions.map((r) => ({ name: r.name, value: technicians.filter((t) => t.regionId === r.id).length })),
    ...(unassigned > 0 ? [{ name: 'No region', value: unassigned }] : []),
  ];
  return {
    animationDurationUpdate: 600,
    grid: { left: 24, right: 72, top: 16, bottom: 16, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { lineStyle: { color: FAINT } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { color: TEXT, fontSize: 28 },
      axisLine: { lineStyle: { color: FAINT } },
      axisTick: { show: false },
    },
    series: [
      {
        id: 'by-region',
        type: 'bar',
        barMaxWidth: 56,
        itemStyle: { color: '#58a6ff', borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: 'right', color: TEXT, fontSize: 30, fontWeight: 700 },
        data: rows.map((r) => r.value),
      },
    ],
  };
}
