import { useEffect, useState } from 'preact/hooks'
import { html } from './html.js'
import { api } from './api.js'
import { ACTION } from './labels.js'
import { show } from './time.js'

/** Every admin action, newest first: who, from where, what, on what, and how it ended. */
export function AuditLog() {
  const [entries, setEntries] = useState(null)
  const [error, setError] = useState('')
  useEffect(() => { api.audit().then((body) => setEntries(body.entries)).catch((err) => setError(err.message)) }, [])
  return html`
    <div class="bar"><h2>操作日志</h2><span class="muted small">最近 200 条</span></div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${entries && html`
      <table class="list card" data-table="audit">
        <thead><tr><th>时间</th><th>操作人</th><th>IP</th><th>操作</th><th>对象</th><th>结果</th><th>详情</th></tr></thead>
        <tbody>${entries.map((e, i) => html`
          <tr key=${i}>
            <td class="small">${show(e.at, 'Asia/Shanghai', true)}</td>
            <td>${e.operator}</td>
            <td class="mono small">${e.address}</td>
            <td>${ACTION[e.action] || e.action}</td>
            <td class="mono small">${e.target}</td>
            <td>${e.outcome === 'ok' ? html`<span class="badge live">成功</span>` : html`<span class="badge revoked">${e.outcome}</span>`}</td>
            <td class="small muted">${e.detail || ''}</td>
          </tr>`)}</tbody>
      </table>`}`
}
