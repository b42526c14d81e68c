import { BarChart, EffectScatterChart, PieChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/** Only the chart types and components the app draws, so the bundle carries no more of ECharts than it uses. */
use([CanvasRenderer, ScatterChart, EffectScatterChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent]);
