import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import { html } from './html.js'

/** Helps per minute over the last hour as bars; redrawn in place when new points arrive. */
export function HelpsChart({ points, zone }) {
  const box = useRef(null)
  const plot = useRef(null)

  useEffect(() => {
    const width = () => Math.max(300, box.current.clientWidth)
    const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    plot.current = new uPlot({
      width: width(),
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // half a minute of room on each side, so the first and the current minute show whole bars
      scales: { x: { time: true, range: (u, min, max) => [min - 30, max + 30] }, y: { range: (u, min, max) => [0, Math.max(5, Math.ceil(max * 1.15))] } },
      axes: [
        { values: (u, ticks) => ticks.map((t) => fmt.format(new Date(t * 1000))), stroke: '#5b6477', grid: { stroke: '#eef0f5' } },
        { stroke: '#5b6477', grid: { stroke: '#eef0f5' }, size: 50 },
      ],
      series: [{}, { label: '每分钟助力', stroke: '#1f6feb', width: 0, fill: 'rgba(31,111,235,0.55)', paths: uPlot.paths.bars({ size: [0.8, 12] }), points: { show: false } }],
    }, [[], []], box.current)
    const resize = () => plot.current.setSize({ width: width(), height: 220 })
    addEventListener('resize', resize)
    return () => { removeEventListener('resize', resize); plot.current.destroy() }
  }, [])

  useEffect(() => {
    if (plot.current && points) {
      plot.current.setData([points.map((p) => Date.parse(p.minute) / 1000), points.map((p) => p.helps)])
    }
  }, [points])

  return html`<div class="chart" ref=${box} data-chart></div>`
}
