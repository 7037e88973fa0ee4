import { useEffect, useRef } from 'preact/hooks'
import { html } from './html.js'

/** One ECharts canvas for an option; ECharts itself arrives in its own file the first time a chart is shown. */
export function EChart({ option, name, height = 260 }) {
  const box = useRef(null)
  const chart = useRef(null)

  useEffect(() => {
    let gone = false
    const resize = () => chart.current?.resize()
    import('./echarts.js').then(({ init }) => {
      if (gone) return
      chart.current = init(box.current, null, { renderer: 'canvas' })
      chart.current.on('finished', () => box.current?.setAttribute('data-rendered', ''))
      chart.current.setOption(option)
      addEventListener('resize', resize)
    })
    return () => { gone = true; removeEventListener('resize', resize); chart.current?.dispose() }
  }, [])

  useEffect(() => { chart.current?.setOption(option, { notMerge: true }) }, [option])

  return html`<div class="echart" ref=${box} data-chart=${name} style=${`height:${height}px`}></div>`
}
