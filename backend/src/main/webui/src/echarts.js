// ECharts, tree-shaken to what the console draws (bars and the share tree on a canvas). Loaded on demand by chart
// components, so the pages without these charts never download it.
import { use, init } from 'echarts/core'
import { BarChart, TreeChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, TreeChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
