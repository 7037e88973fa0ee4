// The operators' review pages: one player (who helped, when, from which scene, with what risk signals) and the
// campaign's review queue (held helps to approve or reject, flagged players). Everyone signed in sees what the API
// lets their role read; only operator and admin get the buttons that decide, and the API refuses anyone else anyway.
import { useEffect, useState } from 'preact/hooks'
import { html } from './html.js'
import { api, can } from './api.js'
import { RISK, HELP_STATE, POLICY, REFUSAL, SCENE } from './labels.js'
import { show } from './time.js'

const ZONE = 'Asia/Shanghai'
const playerLink = (cid, shareCode) => `#/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}`
const scene = (n) => (n == null ? '未知' : `${SCENE[n] || '场景'} ${n}`)

/** Loads once and again on reload(); the campaign comes along for its title, zone and goal. */
function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let stopped = false
    load().then((data) => !stopped && setState({ data, error: null }))
      .catch((error) => !stopped && setState({ data: null, error }))
    return () => { stopped = true }
  }, [...deps, tick])
  return { ...state, reload: () => setTick(tick + 1) }
}

function Refused({ error }) {
  if (error.status === 403) return html`<p class="error" role="alert" data-refused>你的角色不能查看这一页（需要运营 operator 或管理员 admin）。</p>`
  if (error.code === 'NOT_FOUND') return html`<p class="error" role="alert">找不到：${error.message}</p>`
  return html`<p class="error" role="alert">${error.message}</p>`
}

function Face({ card }) {
  return card?.avatarUrl
    ? html`<img class="face" src=${card.avatarUrl} alt="" width="28" height="28" />`
    : html`<span class="face none"></span>`
}

function Signals({ risk }) {
  const names = risk?.signals || []
  return html`<span class="signals" data-signals=${names.join(' ')}>
    ${risk?.rank != null && html`<span class=${'badge ' + (risk.rank >= 3 ? 'revoked' : 'upcoming')} title="微信风险等级 getUserRiskRank（0–4）">等级 ${risk.rank}</span>`}
    ${names.map((s) => html`<span key=${s} class="badge revoked" title=${RISK[s]?.hint || ''}>${RISK[s]?.label || s}</span>`)}
    ${names.length === 0 && risk?.rank == null && html`<span class="muted">—</span>`}
  </span>`
}

/** GET .../players/{shareCode}: the player's card and progress, and every help they received. */
export function PlayerReview({ cid, shareCode }) {
  const { data, error, reload } = useLoad(
    () => Promise.all([api.campaign(cid), api.player(cid, shareCode)]), [cid, shareCode])
  const { notice, busy, decide } = useDecisions(cid, reload)
  if (error) return html`<${Refused} error=${error} />`
  if (!data) return html`<p class="muted">加载中…</p>`
  const [campaign, player] = data
  const zone = campaign.timeZone || ZONE
  return html`
    <div class="bar">
      <h2>玩家审核 · ${player.nickname || '—'} <span class="mono small">${player.shareCode}</span>
        ${player.banned && html` <span class="badge revoked">已封禁</span>`}</h2>
      <a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/review`}>审核队列</a>
      <a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/live`}>实况</a>
    </div>
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    <div class="stats">
      <div class="stat card" data-stat="progress"><span class="label">进度</span><span class="value">${player.progress}<small> / ${player.goal ?? campaign.goal}</small></span></div>
      <div class="stat card" data-stat="helpers"><span class="label">助力好友</span><span class="value">${player.helpers}</span></div>
      <div class="stat card" data-stat="held"><span class="label">待审核助力</span><span class="value">${player.held ?? 0}</span></div>
      <div class="stat card" data-stat="invited"><span class="label">邀请加入</span><span class="value">${player.invited ?? 0}</span></div>
      <div class="stat card" data-stat="finishedAt"><span class="label">到达终点</span><span class="value small">${show(player.finishedAt, zone, true)}${player.prizeRank != null ? ` · 第 ${player.prizeRank} 名` : ''}</span></div>
    </div>
    <section class="card">
      <p>邀请人：${player.invitedBy
        ? html`<a href=${playerLink(cid, player.invitedBy.shareCode)} data-invited-by>${player.invitedBy.nickname || '—'} <span class="mono small">${player.invitedBy.shareCode}</span></a>`
        : html`<span class="muted">无（从文章或海报直接进入）</span>`}</p>
      <p>玩家风险：<span data-player-signals=${(player.signals || []).join(' ')}>${(player.signals || []).length === 0 ? html`<span class="muted">无</span>`
        : player.signals.map((s) => html`<span key=${s} class="badge revoked" title=${RISK[s]?.hint || ''}>${RISK[s]?.label || s}</span> `)}</span>
        ${player.mutualHelpers ? html` <span class="muted small">互相助力 ${player.mutualHelpers} 人</span>` : ''}</p>
    </section>
    <section class="card">
      <h3>收到的助力（${player.helps.length}）</h3>
      ${player.helps.length === 0 ? html`<p class="muted">还没有人助力。</p>` : html`
      <table class="list" data-table="helps">
        <thead><tr><th class="num">#</th><th>助力人</th><th>时间</th><th>来源场景</th><th>加速</th><th>风险信号</th><th>状态</th><th></th></tr></thead>
        <tbody>${player.helps.map((h, i) => html`
          <tr key=${h.id || 'n' + h.n || i} data-help=${h.id || h.n} data-state=${h.state}>
            <td class="num">${h.n ?? '—'}</td>
            <td><${Face} card=${h.helper} /> ${h.helper?.nickname || '—'}
              ${h.helper?.shareCode && html` <a class="mono small" href=${playerLink(cid, h.helper.shareCode)}>${h.helper.shareCode}</a>`}
              ${h.helper?.createdAt && html`<div class="muted small">注册于 ${show(h.helper.createdAt, zone, true)}</div>`}</td>
            <td class="small">${show(h.at, zone, true)}</td>
            <td class="small">${scene(h.scene)}${h.group ? html`<div class="muted mono small">群 ${h.group}</div>` : ''}</td>
            <td class="num">${h.amount ?? '—'}</td>
            <td><${Signals} risk=${h.risk} /></td>
            <td><span class=${'badge ' + (h.state || '').toLowerCase()}>${HELP_STATE[h.state] || h.state}</span></td>
            <td class="actions">${h.state === 'HELD' && can('operator') && html`
              <button class="small" data-approve disabled=${busy === h.id} onClick=${() => decide(h, 'APPROVED')}>通过</button>
              <button class="small danger-outline" data-reject disabled=${busy === h.id} onClick=${() => decide(h, 'REJECTED')}>驳回</button>`}</td>
          </tr>`)}</tbody>
      </table>`}
    </section>`
}

/** Approving or rejecting a held help: one at a time per help, the outcome said in words, then the page reloads. */
function useDecisions(cid, reload) {
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState('')
  const decide = async (help, decision) => {
    setBusy(help.id)
    try {
      const decided = await api.decideHelp(cid, help.id, decision)
      const who = `${help.helper?.nickname || '助力'} → ${help.player?.nickname || help.shareCode || '该玩家'}`
      setNotice(`${who}：${outcomeText(decided)}`)
      reload()
    } catch (err) {
      setNotice(`审核失败：${err.message}`)
    } finally {
      setBusy('')
    }
  }
  return { notice, busy, decide }
}

function outcomeText(decided) {
  if (decided.state === 'REJECTED') return '已驳回：这次助力不计入'
  const o = decided.outcome
  if (!o) return '已通过'
  if (!o.counted) return `已通过，但未计入：${REFUSAL[o.refusal] || o.refusal}`
  return `已通过：加速 ${o.amount}，进度 ${o.progress}${o.finished ? '，已到达终点' : ''}${o.prizeRank != null ? `，获得第 ${o.prizeRank} 名奖品` : ''}`
}

/** GET .../review-queue: held helps (oldest first) and flagged players (latest first); decisions for operators. */
export function ReviewQueue({ cid }) {
  const { data, error, reload } = useLoad(() => Promise.all([api.campaign(cid), api.reviewQueue(cid)]), [cid])
  const { notice, busy, decide } = useDecisions(cid, reload)
  if (error) return html`<${Refused} error=${error} />`
  if (!data) return html`<p class="muted">加载中…</p>`
  const [campaign, queue] = data
  const zone = campaign.timeZone || ZONE
  return html`
    <div class="bar">
      <h2>审核队列 · ${campaign.title}</h2>
      <span class="muted small">风险策略：<strong data-policy=${queue.policy}>${POLICY[queue.policy] || queue.policy}</strong></span>
      <button class="small" onClick=${reload} data-refresh>刷新</button>
      <a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/live`}>实况</a>
    </div>
    ${!can('operator') && html`<p class="muted" data-read-only>只读账号：可以查看，不能审核。</p>`}
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    <section class="card">
      <h3>待审核的助力（${queue.held.length}）</h3>
      ${queue.held.length === 0 ? html`<p class="muted" data-empty="held">没有待审核的助力。</p>` : html`
      <table class="list" data-table="held">
        <thead><tr><th>时间</th><th>助力人</th><th>被助力玩家</th><th>来源场景</th><th>风险信号</th><th></th></tr></thead>
        <tbody>${queue.held.map((h) => html`
          <tr key=${h.id} data-held=${h.id} data-share-code=${h.shareCode}>
            <td class="small">${show(h.at, zone, true)}</td>
            <td><${Face} card=${h.helper} /> ${h.helper?.nickname || '—'}
              ${h.helper?.createdAt && html`<div class="muted small">注册于 ${show(h.helper.createdAt, zone, true)}</div>`}</td>
            <td><a href=${playerLink(cid, h.shareCode)}>${h.player?.nickname || '—'} <span class="mono small">${h.shareCode}</span></a></td>
            <td class="small">${scene(h.scene)}</td>
            <td><${Signals} risk=${h.risk} /></td>
            <td class="actions">${can('operator') && html`
              <button class="small" data-approve disabled=${busy === h.id} onClick=${() => decide(h, 'APPROVED')}>通过</button>
              <button class="small danger-outline" data-reject disabled=${busy === h.id} onClick=${() => decide(h, 'REJECTED')}>驳回</button>`}</td>
          </tr>`)}</tbody>
      </table>`}
    </section>
    <section class="card">
      <h3>被标记的玩家（${queue.flagged.length}）</h3>
      ${queue.flagged.length === 0 ? html`<p class="muted" data-empty="flagged">没有被标记的玩家。</p>` : html`
      <table class="list" data-table="flagged">
        <thead><tr><th>玩家</th><th>进度</th><th class="num">助力</th><th class="num">待审核</th><th>风险信号（次数）</th><th>最近</th></tr></thead>
        <tbody>${queue.flagged.map((p) => html`
          <tr key=${p.shareCode} data-share-code=${p.shareCode}>
            <td><${Face} card=${p} /> <a href=${playerLink(cid, p.shareCode)}>${p.nickname || '—'} <span class="mono small">${p.shareCode}</span></a></td>
            <td class="small">${p.progress} / ${campaign.goal}</td>
            <td class="num">${p.helpers}</td>
            <td class="num">${p.held ?? 0}</td>
            <td>${Object.entries(p.signals || {}).map(([s, n]) => html`<span key=${s} class="badge revoked" title=${RISK[s]?.hint || ''}>${RISK[s]?.label || s} × ${n}</span> `)}</td>
            <td class="small">${show(p.lastAt, zone, true)}</td>
          </tr>`)}</tbody>
      </table>`}
    </section>`
}
