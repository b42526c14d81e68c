import { BarChart, CustomChart, EffectScatterChart, LinesChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/** Only the chart types and components the app draws, so the bundle carries no more of ECharts than it uses. */
use([
  CanvasRenderer,
  ScatterChart,
  EffectScatterChart,
  BarChart,
  PieChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  // The dispatch map: region polygons (geo + map), their shading (visualMap), technicians' routes (lines).
  MapChart,
  LinesChart,
  GeoComponent,
  VisualMapPiecewiseComponent,
]);
