import { useEffect, useMemo, useState } from 'preact/hooks'
import { html } from './html.js'
import { api } from './api.js'
import { EChart } from './echart.js'
import { SCENE } from './labels.js'

// One color per generation, the same in the bars and in the tree.
const DEPTH_COLORS = ['#1f6feb', '#2b8a3e', '#b7791f', '#c92a2a', '#7048e8', '#0c8599', '#e8590c']
const depthColor = (depth) => DEPTH_COLORS[depth % DEPTH_COLORS.length]
const generationName = (depth) => (depth === 0 ? '种子' : `第 ${depth} 代`)
// A finisher's star beside its face or dot, kept upright whatever the tree's angle there.
const FINISHED_LABEL = { show: true, formatter: '★', position: 'right', rotate: 0, color: '#f59f00', fontSize: 16, distance: 2 }
const sceneName = (scene) => (scene == null ? '未知' : `${SCENE[scene] || '场景'} ${scene}`)

/** An ISO-8601 duration as Java writes it (PT26H3M, PT45.2S) in Chinese units; a dash when there is none. */
export function duration(iso) {
  const m = iso && /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso)
  if (!m) return '—'
  const total = Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0)
  const days = Math.floor(total / 86400)
  const hours = Math.floor((total % 86400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  if (days) return `${days} 天 ${hours} 小时`
  if (hours) return `${hours} 小时 ${minutes} 分`
  if (minutes) return `${minutes} 分 ${Math.floor(total % 60)} 秒`
  return `${Math.round(total)} 秒`
}

function Stat({ label, value, hint, name }) {
  return html`<div class="stat card" data-stat=${name}><span class="label">${label}</span><span class="value">${value}</span>${hint && html`<span class="muted small">${hint}</span>`}</div>`
}

/** Steps of the loop in people, each as a bar of the first step with its share of the step before. */
function Funnel({ steps }) {
  const top = Math.max(1, steps[0].value)
  return html`<ol class="funnel">${steps.map((step, i) => html`
    <li data-funnel=${step.name} key=${step.name}>
      <span class="label">${step.label}</span>
      <span class="track"><span style=${`width:${Math.round((step.value / top) * 100)}%`}></span></span>
      <span class="value num">${step.value}</span>
      <span class="muted small rate">${i === 0 ? '' : steps[i - 1].value ? `${Math.round((step.value / steps[i - 1].value) * 100)}%` : '—'}</span>
    </li>`)}</ol>`
}

function generationsOption(generations) {
  return {
    grid: { left: 44, right: 16, top: 28, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: generations.map((g) => generationName(g.depth)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar', name: '玩家', barMaxWidth: 48,
      data: generations.map((g) => ({ value: g.players, itemStyle: { color: depthColor(g.depth) } })),
      label: { show: true, position: 'top' },
    }],
  }
}

function scenesOption(scenes) {
  const names = scenes.map((s) => sceneName(s.scene))
  return {
    grid: { left: 8, right: 40, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      { type: 'bar', name: '参与', data: scenes.map((s) => s.joins), itemStyle: { color: '#1f6feb' }, label: { show: true, position: 'right' } },
      { type: 'bar', name: '助力', data: scenes.map((s) => s.helps), itemStyle: { color: '#94b8f5' }, label: { show: true, position: 'right' } },
    ],
  }
}

/**
 * The sampled players as one radial tree: the campaign in the middle, seed players on the first ring, everyone they
 * brought further out. A player whose inviter is not in the sample hangs from the middle.
 */
function treeOption(title, nodes) {
  const byCode = new Map(nodes.map((n) => [n.shareCode, { node: n, children: [] }]))
  const roots = []
  for (const entry of byCode.values()) {
    const parent = entry.node.invitedBy && byCode.get(entry.node.invitedBy)
    ;(parent ? parent.children : roots).push(entry)
  }
  const toItem = ({ node, children }) => ({
    name: node.nickname || node.shareCode,
    value: node.shareCode,
    depth: node.depth,
    symbol: node.avatarUrl ? `image://${node.avatarUrl}` : 'circle',
    symbolSize: node.avatarUrl ? 26 : 12,
    itemStyle: { color: depthColor(node.depth) },
    label: node.finished ? FINISHED_LABEL : undefined,
    children: children.map(toItem),
  })
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => (p.data.depth == null ? p.name
        : `${p.name}<br/>${generationName(p.data.depth)} · 分享码 ${p.data.value}<br/>带来 ${p.data.children.length} 人`),
    },
    series: [{
      type: 'tree', layout: 'radial', roam: true, expandAndCollapse: false, initialTreeDepth: -1,
      top: 16, bottom: 16, left: 16, right: 16,
      data: [{
        name: title, symbol: 'roundRect', symbolSize: 18, itemStyle: { color: '#0b1f4b' },
        label: { show: true, position: 'bottom', rotate: 0, color: '#0b1f4b', fontWeight: 600 }, children: roots.map(toItem),
      }],
      label: { show: false, fontSize: 11 },
      lineStyle: { color: '#c9cfdc', width: 1, curveness: 0.4 },
      emphasis: { focus: 'ancestor' },
      animationDuration: 400,
    }],
  }
}

/** Who brought whom in one campaign: k-factor, generations, scenes, groups, the funnel, time to goal and the tree. */
export function Virality({ cid }) {
  const [data, setData] = useState(null)
  const [error, setError] = useState('')
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let stopped = false
    Promise.all([api.campaign(cid), api.virality(cid)])
      .then(([campaign, virality]) => { if (!stopped) { setData({ campaign, virality }); setError('') } })
      .catch((err) => { if (!stopped) setError(err.message) })
    return () => { stopped = true }
  }, [cid, tick])
  const options = useMemo(() => data && data.virality.players > 0 && {
    generations: generationsOption(data.virality.generations),
    scenes: scenesOption(data.virality.scenes),
    tree: treeOption(data.campaign.title, data.virality.tree),
  }, [data])

  if (!data) return html`<p class=${error ? 'error' : 'muted'}>${error || '加载中…'}</p>`
  const { campaign, virality: v } = data
  const f = v.funnel
  return html`
    <div class="bar">
      <h2>传播分析 · ${campaign.title}</h2>
      ${error && html`<span class="error small">刷新失败：${error}</span>`}
      <button onClick=${() => setTick(tick + 1)} data-refresh>刷新</button>
      <a class="button" href=${`#/campaigns/${encodeURIComponent(cid)}/live`}>实况</a>
    </div>
    <div class="stats">
      <${Stat} name="kFactor" label="K 因子（每位玩家带来）" value=${v.kFactor.toFixed(2)} />
      <${Stat} name="players" label="参与人数" value=${v.players} />
      <${Stat} name="seedPlayers" label="种子玩家" value=${v.seedPlayers} hint="无人邀请，自己进来" />
      <${Stat} name="invitedPlayers" label="好友带来" value=${v.invitedPlayers} />
      <${Stat} name="groups" label="带来人的群" value=${v.groups.distinct} />
      <${Stat} name="p50" label="到达用时（中位）" value=${duration(v.timeToGoal.p50)} />
      <${Stat} name="p90" label="到达用时（P90）" value=${duration(v.timeToGoal.p90)} />
    </div>
    ${v.players === 0 ? html`<p class="empty card" data-empty>还没有玩家加入，暂无传播数据。有人参与后这里会画出分享树。</p>` : html`
    <section class="card">
      <div class="bar"><h3>分享树</h3><span class="muted small">${v.tree.length < v.players ? `最早加入的 ${v.tree.length} 人（共 ${v.players} 人）` : `全部 ${v.players} 人`} · 由内到外：种子、第 1 代、第 2 代… · ★ 已到达 · 没有头像的按代着色 · 可拖动、缩放</span></div>
      <${EChart} name="tree" option=${options.tree} height=${560} />
    </section>
    <div class="grid">
      <section class="card">
        <h3>各代玩家</h3>
        <${EChart} name="generations" option=${options.generations} height=${220} />
        <ul class="chips">${v.generations.map((g) => html`<li data-generation=${g.depth} key=${g.depth}><i style=${`background:${depthColor(g.depth)}`}></i>${generationName(g.depth)} <b>${g.players}</b></li>`)}</ul>
      </section>
      <section class="card">
        <h3>漏斗（人数）</h3>
        <h4>助力的好友</h4>
        <${Funnel} steps=${[
          { name: 'helpers', label: '帮人助力', value: f.helpers },
          { name: 'helpersWhoJoined', label: '自己也参与', value: f.helpersWhoJoined },
        ]} />
        <h4>玩家</h4>
        <${Funnel} steps=${[
          { name: 'players', label: '参与', value: f.players },
          { name: 'playersHelped', label: '获得助力', value: f.playersHelped },
          { name: 'finished', label: '到达终点', value: f.finished },
          { name: 'winners', label: '获奖', value: f.winners },
          { name: 'claimed', label: '已填地址', value: f.claimed },
        ]} />
      </section>
      <section class="card">
        <h3>来源场景</h3>
        ${v.scenes.length === 0 ? html`<p class="muted">没有记录到场景。</p>`
          : html`<${EChart} name="scenes" option=${options.scenes} height=${70 + 48 * v.scenes.length} />`}
      </section>
      <section class="card">
        <h3>带来最多的群（共 ${v.groups.distinct} 个）</h3>
        ${v.groups.top.length === 0 ? html`<p class="muted">还没有来自群聊的参与或助力。</p>` : html`
        <table class="list" data-table="groups">
          <thead><tr><th>群（匿名编号）</th><th class="num">参与</th><th class="num">助力</th></tr></thead>
          <tbody>${v.groups.top.map((g) => html`<tr key=${g.group}><td class="mono">${g.group}</td><td class="num">${g.joins}</td><td class="num">${g.helps}</td></tr>`)}</tbody>
        </table>`}
      </section>
    </div>`}`
}
