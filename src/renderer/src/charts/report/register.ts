import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/** What the Reports preview draws on top of the app's common set (charts/echarts.ts): the adherence trend lines. */
use([CanvasRenderer, LineChart, GridComponent, LegendComponent, TooltipComponent]);
