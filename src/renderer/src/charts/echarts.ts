import { BarChart, CustomChart, EffectScatterChart, PieChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
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
]);
