import { useEffect, useState } from 'preact/hooks'
import { html } from './html.js'
import { api, can } from './api.js'
import { STATUS } from './labels.js'
import { show } from './time.js'

/** Every campaign with its live counts. */
export function CampaignList() {
  const [campaigns, setCampaigns] = useState(null)
  const [error, setError] = useState('')
  useEffect(() => {
    api.campaigns().then((body) => setCampaigns(body.campaigns)).catch((err) => setError(err.message))
  }, [])

  return html`
    <div class="bar">
      <h2>活动</h2>
      ${can('admin') && html`<a class="button primary" href="#/campaigns/new">新建活动</a>`}
    </div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${campaigns === null && !error && html`<p class="muted">加载中…</p>`}
    ${campaigns && campaigns.length === 0 && html`<p class="empty card">还没有活动。点“新建活动”开始。</p>`}
    ${campaigns && campaigns.length > 0 && html`
      <table class="list card">
        <thead><tr><th>活动</th><th>状态</th><th>时间</th><th class="num">参与</th><th class="num">到达</th><th class="num">奖品剩余</th><th></th></tr></thead>
        <tbody>
          ${campaigns.map((c) => html`
            <tr key=${c.id} data-campaign=${c.id}>
              <td><strong>${c.title}</strong><div class="muted small">${c.id}${c.published ? '' : ' · 未发布'}</div></td>
              <td><span class=${'badge ' + c.status.toLowerCase()}>${STATUS[c.status]}</span></td>
              <td class="small">${show(c.startsAt, c.timeZone)} – ${show(c.endsAt, c.timeZone)}</td>
              <td class="num">${c.stats.players}</td>
              <td class="num">${c.stats.finished}</td>
              <td class="num">${c.prizeRemaining} / ${c.prizeTotal}</td>
              <td class="actions"><a href=${`#/campaigns/${encodeURIComponent(c.id)}/live`}>实况</a>${can('admin') && html`<a href=${`#/campaigns/${encodeURIComponent(c.id)}/edit`}>编辑</a>`}</td>
            </tr>`)}
        </tbody>
      </table>`}`
}
