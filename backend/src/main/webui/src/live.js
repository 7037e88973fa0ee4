import { useEffect, useState } from 'preact/hooks'
import { html } from './html.js'
import { api, can } from './api.js'
import { HelpsChart } from './chart.js'
import { Confirm } from './dialog.js'
import { STATUS, WINNER } from './labels.js'
import { show } from './time.js'

const REFRESH_MS = 5000
// Every look at the winners' (masked) contact is audited: they are reloaded when the counts say something changed
// (a new winner, a claim, a flag), or once a minute, not every 5 seconds.
const WINNERS_MS = 60000

/** Reloads everything the live page shows every few seconds while the tab is visible. */
function useLive(cid) {
  const [data, setData] = useState(null)
  const [error, setError] = useState('')
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let stopped = false
    let winners = null
    let winnersAt = 0
    let winnersOf = ''
    const load = async () => {
      try {
        const [campaign, activity, board] = await Promise.all([api.campaign(cid), api.activity(cid), api.leaderboard(cid)])
        const { winners: count, claims, flaggedClaims } = campaign.stats
        const of = `${count}/${claims}/${flaggedClaims}`
        if (of !== winnersOf || Date.now() - winnersAt >= WINNERS_MS) {
          winners = await api.winners(cid)
          winnersAt = Date.now()
          winnersOf = of
        }
        if (!stopped) { setData({ campaign, activity, board, winners, at: new Date().toISOString() }); setError('') }
      } catch (err) {
        if (!stopped) setError(err.message)
      }
    }
    load()
    const timer = setInterval(() => { if (!document.hidden) load() }, REFRESH_MS)
    return () => { stopped = true; clearInterval(timer) }
  }, [cid, tick])
  return { data, error, reload: () => setTick(tick + 1) }
}

function Stat({ label, value, of, name }) {
  return html`<div class="stat card" data-stat=${name}><span class="label">${label}</span><span class="value">${value}${of != null && html`<small> / ${of}</small>`}</span></div>`
}

/** The campaign on launch day: numbers, helps per minute, the board, the winners and their claims, bans and the CSV. */
export function LiveCampaign({ cid }) {
  const { data, error, reload } = useLive(cid)
  const [banning, setBanning] = useState(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState('')
  const [shareCode, setShareCode] = useState('')

  if (!data) return html`<p class=${error ? 'error' : 'muted'}>${error || '加载中…'}</p>`
  const { campaign, activity, board, winners } = data
  const zone = campaign.timeZone
  const stats = campaign.stats
  const lastMinutes = activity.helpsPerMinute.slice(-5).reduce((sum, p) => sum + p.helps, 0)

  async function confirmBan() {
    setBusy(true)
    try {
      await api.ban(cid, banning.shareCode)
      setNotice(`已封禁 ${banning.nickname || ''}（${banning.shareCode}）`)
      setBanning(null)
      setShareCode('')
      reload()
    } catch (err) {
      setNotice(err.code === 'NOT_FOUND' ? `找不到分享码 ${banning.shareCode}` : `封禁失败：${err.message}`)
      setBanning(null)
    } finally {
      setBusy(false)
    }
  }

  async function unban(code) {
    try {
      await api.unban(cid, code)
      setNotice(`已解封 ${code}：回到排行榜，原有奖品恢复`)
      setShareCode('')
      reload()
    } catch (err) {
      setNotice(err.code === 'NOT_FOUND' ? `找不到分享码 ${code}` : `解封失败：${err.message}`)
    }
  }

  async function download(name, as) {
    try {
      const blob = await api.file(cid, name)
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = as
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(link.href), 10000)
    } catch (err) {
      setNotice(`导出失败：${err.message}`)
    }
  }

  async function review(winner, decision) {
    try {
      await api.review(cid, winner.shareCode, decision)
      setNotice(`${winner.nickname || winner.shareCode} 的领奖信息已${decision === 'APPROVED' ? '通过' : '驳回'}`)
      reload()
    } catch (err) {
      setNotice(`审核失败：${err.message}`)
    }
  }

  const banButton = (row) => can('operator') && html`<button class="small danger-outline" onClick=${() => setBanning(row)}>封禁</button>`

  return html`
    <div class="bar">
      <h2>${campaign.title} <span class=${'badge ' + campaign.status.toLowerCase()}>${STATUS[campaign.status]}</span>${!campaign.published && html` <span class="badge">未发布</span>`}</h2>
      <span class="muted small" data-updated>更新于 ${show(data.at, zone, true)} · 每 5 秒自动刷新${error ? ' · 刷新失败：' + error : ''}</span>
      <a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/virality`}>传播分析</a>
      <a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/review`} data-review-queue>审核队列</a>
      <button class="small" onClick=${() => download('players.csv', `参与者-${cid}.csv`)} data-download-players>下载参与者 CSV</button>
      ${can('admin') && html`<a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/edit`}>编辑</a>`}
    </div>
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    <div class="stats">
      <${Stat} name="players" label="参与人数" value=${stats.players} />
      <${Stat} name="boosts" label="助力次数" value=${stats.boosts} />
      <${Stat} name="helpers" label="助力好友" value=${stats.helpers} />
      <${Stat} name="finished" label="到达终点" value=${stats.finished} />
      <${Stat} name="prizeRemaining" label="奖品剩余" value=${campaign.prizeRemaining} of=${campaign.prizeTotal} />
      <${Stat} name="claims" label="已填地址" value=${stats.claims} of=${stats.winners} />
      <${Stat} name="flaggedClaims" label="待审核" value=${stats.flaggedClaims} />
    </div>
    <section class="card">
      <div class="bar"><h3>每分钟助力（近 60 分钟）</h3><span class="muted small">近 5 分钟共 ${lastMinutes} 次</span></div>
      <${HelpsChart} points=${activity.helpsPerMinute} zone=${zone} />
    </section>
    <div class="grid">
      <section class="card">
        <h3>排行榜（前 20）</h3>
        ${board.entries.length === 0 ? html`<p class="muted">还没有玩家。</p>` : html`
        <table class="list" data-table="leaderboard">
          <thead><tr><th class="num">名次</th><th>昵称</th><th>分享码</th><th>进度</th><th></th></tr></thead>
          <tbody>${board.entries.map((row) => html`
            <tr key=${row.shareCode} data-share-code=${row.shareCode}>
              <td class="num">${row.rank}</td>
              <td>${row.nickname || '—'}</td>
              <td class="mono"><a href=${`#/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(row.shareCode)}`} data-review-player>${row.shareCode}</a></td>
              <td><div class="progress" title=${`${row.progress} / ${campaign.goal}`}><span style=${`width:${Math.round((row.progress / campaign.goal) * 100)}%`}></span></div>
                <span class="small">${row.progress} / ${campaign.goal}</span></td>
              <td>${banButton(row)}</td>
            </tr>`)}</tbody>
        </table>`}
        ${can('operator') && html`
        <form class="inline" onSubmit=${(e) => { e.preventDefault(); if (shareCode.trim()) setBanning({ shareCode: shareCode.trim() }) }}>
          <input name="banShareCode" placeholder="按分享码封禁或解封" value=${shareCode} onInput=${(e) => setShareCode(e.target.value)} />
          <button class="small danger-outline">封禁…</button>
          <button type="button" class="small" data-unban onClick=${() => shareCode.trim() && unban(shareCode.trim())}>解封</button>
        </form>`}
      </section>
      <section class="card">
        <div class="bar"><h3>获奖名单（${winners.winners.length} / ${campaign.prizeTotal}）</h3>
          ${can('admin') && html`<span><button class="primary small" onClick=${() => download('winners.xlsx', `获奖名单-${cid}.xlsx`)} data-download-xlsx>下载获奖名单 Excel</button>
            <button class="small" onClick=${() => download('winners.csv', `获奖名单-${cid}.csv`)} data-download>CSV</button></span>`}</div>
        ${winners.winners.length === 0 ? html`<p class="muted">还没有人到达终点。</p>` : html`
        <table class="list" data-table="winners">
          <thead><tr><th class="num">名次</th><th>昵称</th><th>状态</th><th>${can('operator') ? '收件信息（已脱敏）' : '收件信息（仅运营可见）'}</th><th></th></tr></thead>
          <tbody>${winners.winners.map((w) => html`
            <tr key=${w.shareCode} data-share-code=${w.shareCode} class=${w.status === 'REVOKED' ? 'revoked' : ''}>
              <td class="num">${w.rank}</td>
              <td>${w.nickname || '—'}<div class="muted small mono">${w.shareCode}</div></td>
              <td><span class=${'badge ' + w.status.toLowerCase()}>${WINNER[w.status]}</span></td>
              <td class="small">${w.name ? html`${w.name} · ${w.phone}<div class="muted">${w.address}</div>` : '—'}</td>
              <td class="actions">
                ${w.status === 'PENDING_REVIEW' && can('operator') && html`<button class="small" onClick=${() => review(w, 'APPROVED')}>通过</button><button class="small" onClick=${() => review(w, 'REJECTED')}>驳回</button>`}
                ${w.status !== 'REVOKED' && banButton(w)}
              </td>
            </tr>`)}</tbody>
        </table>`}
      </section>
    </div>
    ${banning && html`
      <${Confirm} title="确认封禁？" confirmLabel="确认封禁" busy=${busy} onCancel=${() => setBanning(null)} onConfirm=${confirmBan}>
        <p>将封禁 <strong>${banning.nickname || '该玩家'}</strong>（分享码 <span class="mono">${banning.shareCode}</span>）。</p>
        <p>封禁后该用户不能再登录、参与、助力或领奖，并从排行榜移除；已获得的奖品作废，名额<strong>不会</strong>顺延给下一位。此操作会记入操作日志；运营可按分享码解封，解封后回到排行榜、原有奖品恢复。</p>
      <//>`}`
}
