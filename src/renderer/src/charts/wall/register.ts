import { BarChart, GaugeChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/** What the wall draws on top of the app's common set (charts/echarts.ts): gauges, trend lines and the heatmap. */
use([CanvasRenderer, GaugeChart, LineChart, HeatmapChart, BarChart, GridComponent, MarkAreaComponent, MarkLineComponent, VisualMapComponent]);
