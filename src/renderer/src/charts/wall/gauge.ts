import type { EChartsOption } from 'echarts';
import { ADHERENCE_FLOOR, ADHERENCE_TARGET, adherenceBand, BAND_COLOR, formatAdherence, WALL } from './bands';

/** The gauge's scale starts at 50 %: below that every figure is plainly red, and the bands above get the room. */
export const GAUGE_MIN = 50;
export const GAUGE_MAX = 100;
const span = GAUGE_MAX - GAUGE_MIN;
const stop = (fraction: number) => (fraction * 100 - GAUGE_MIN) / span;
/** The scale labels: the two band thresholds, nothing else (the ends of a half circle speak for themselves). */
export const GAUGE_LABELS = [ADHERENCE_FLOOR * 100, ADHERENCE_TARGET * 100];

/** Where the bands sit on the gauge's arc, as ECharts colour stops (fractions of the arc). */
export function gaugeBandStops(): [number, string][] {
  return [
    [stop(ADHERENCE_FLOOR), BAND_COLOR.red],
    [stop(ADHERENCE_TARGET), BAND_COLOR.amber],
    [1, BAND_COLOR.green],
  ];
}

/** The figure inside the dial, printed as text over the chart (crisp, and readable by tests too). */
export function gaugeFigure(adherence: number | null): { text: string; color: string } {
  return { text: formatAdherence(adherence), color: BAND_COLOR[adherenceBand(adherence)] };
}

/** Where the value arc ends: on the scale, however low the true figure (which the text inside tells). */
export const gaugeValue = (adherence: number | null): number =>
  adherence === null ? GAUGE_MIN : Math.round(Math.min(GAUGE_MAX, Math.max(GAUGE_MIN, adherence * 100)) * 10) / 10;

export interface DialGeometry {
  /** Centre of the half circle, at the bottom middle of the box. */
  cx: number;
  cy: number;
  /** Outer radius of the band ring, and of the value arc inside it. */
  ring: number;
  arc: number;
  arcWidth: number;
}

const RING_WIDTH = 12;
/** Between the band ring and the value arc: room for the threshold labels. */
const LABEL_LANE = 50;

/** The largest half-circle dial that fits a box of this size (in CSS pixels). */
export function dialGeometry(width: number, height: number): DialGeometry {
  const ring = Math.max(40, Math.floor(Math.min(width / 2 - 6, height - 8)));
  const arcWidth = Math.max(14, Math.min(34, Math.round(ring * 0.16)));
  return { cx: Math.round(width / 2), cy: height - 4, ring, arc: ring - RING_WIDTH - LABEL_LANE + 12, arcWidth };
}

/**
 * One metric's adherence as a half-circle dial sized to its box: an outer ring in the band colours with the
 * thresholds labelled, and inside it a thick arc filled up to the value in the colour of its band.
 */
export function adherenceGaugeOption(adherence: number | null, box: { width: number; height: number }): EChartsOption {
  const g = dialGeometry(box.width, box.height);
  const common = {
    type: 'gauge' as const,
    startAngle: 180,
    endAngle: 0,
    min: GAUGE_MIN,
    max: GAUGE_MAX,
    center: [g.cx, g.cy],
    silent: true,
    axisTick: { show: false },
    splitLine: { show: false },
    pointer: { show: false },
    anchor: { show: false },
    title: { show: false },
    detail: { show: false },
  };
  return {
    animationDurationUpdate: 700,
    series: [
      {
        ...common,
        id: 'bands',
        // Over the value arc's track, so the threshold labels are never hidden under it.
        z: 3,
        radius: g.ring,
        splitNumber: span / 5,
        axisLine: { lineStyle: { width: RING_WIDTH, color: gaugeBandStops() } },
        axisLabel: {
          distance: RING_WIDTH + 6,
          color: WALL.text2,
          fontSize: 20,
          fontWeight: 700,
          formatter: (value: number) => (GAUGE_LABELS.includes(Math.round(value)) ? String(Math.round(value)) : ''),
        },
        data: [{ value: GAUGE_MIN }],
      },
      {
        ...common,
        id: 'adherence',
        radius: g.arc,
        axisLine: { lineStyle: { width: g.arcWidth, color: [[1, WALL.grid]] } },
        axisLabel: { show: false },
        // Always shown (ECharts 6 fails when progress is switched on by an update); with no figure it has no length.
        progress: { show: true, width: g.arcWidth, itemStyle: { color: BAND_COLOR[adherenceBand(adherence)] } },
        data: [{ value: gaugeValue(adherence) }],
      },
    ],
  };
}
