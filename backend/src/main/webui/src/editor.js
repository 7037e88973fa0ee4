import { useEffect, useMemo, useState } from 'preact/hooks'
import { html } from './html.js'
import { api } from './api.js'
import { fieldMessage, fieldName } from './labels.js'
import { helpsToReach, preview } from './schedule.js'
import { toInstant, toLocalInput } from './time.js'

const DEFAULT_ZONE = 'Asia/Shanghai'
const ID = /^[A-Za-z0-9_-]{1,40}$/

function blank() {
  return {
    id: '', title: '', description: '', startsAt: '', endsAt: '', claimDeadline: '', goal: '2027', prizeTotal: '100',
    dailyHelpLimit: '5', published: false, timeZone: DEFAULT_ZONE,
    schedule: [{ helpers: '5', amount: '200' }, { helpers: '10', amount: '100' }, { helpers: '', amount: '50' }],
  }
}

function fromCampaign(c) {
  const zone = c.timeZone || DEFAULT_ZONE
  return {
    id: c.id, title: c.title, description: c.description || '', timeZone: zone,
    startsAt: toLocalInput(c.startsAt, zone), endsAt: toLocalInput(c.endsAt, zone), claimDeadline: toLocalInput(c.claimDeadline, zone),
    goal: String(c.goal), prizeTotal: String(c.prizeTotal), dailyHelpLimit: String(c.dailyHelpLimit), published: c.published,
    schedule: c.schedule.map((t) => ({ helpers: t.helpers == null ? '' : String(t.helpers), amount: String(t.amount) })),
  }
}

const int = (text) => (/^\d+$/.test(String(text).trim()) ? Number(text) : NaN)

/** The same rules the backend enforces, checked as the operator types; the server's 422 is shown the same way. */
function check(form, isNew) {
  const errors = {}
  if (isNew && !ID.test(form.id)) errors.id = '1–40 位字母、数字、- 或 _'
  const title = form.title.trim()
  if (!title) errors.title = '必填'
  else if ([...title].length > 60) errors.title = '最多 60 个字'
  if ([...form.description].length > 2000) errors.description = '最多 2000 个字'
  const starts = toInstant(form.startsAt, form.timeZone)
  const ends = toInstant(form.endsAt, form.timeZone)
  const deadline = toInstant(form.claimDeadline, form.timeZone)
  if (!starts) errors.startsAt = '必填'
  if (!ends) errors.endsAt = '必填'
  else if (starts && ends <= starts) errors.endsAt = '须晚于开始时间'
  if (!deadline) errors.claimDeadline = '必填'
  else if (ends && deadline < ends) errors.claimDeadline = '不能早于结束时间'
  const goal = int(form.goal)
  if (!(goal >= 1 && goal <= 1000000)) errors.goal = '须为 1–1000000 的整数'
  const prizes = int(form.prizeTotal)
  if (!(prizes >= 1 && prizes <= 10000)) errors.prizeTotal = '须为 1–10000 的整数'
  const daily = int(form.dailyHelpLimit)
  if (!(daily >= 1 && daily <= 1000)) errors.dailyHelpLimit = '须为 1–1000 的整数'
  form.schedule.forEach((tier, i) => {
    const last = i === form.schedule.length - 1
    if (!(int(tier.amount) >= 1)) errors[`schedule[${i}].amount`] = '每次加速至少 1'
    if (!last && !(int(tier.helpers) >= 1)) errors[`schedule[${i}].helpers`] = '至少 1 人'
  })
  return { errors, definition: {
    title, description: form.description, startsAt: starts, endsAt: ends, claimDeadline: deadline, goal, prizeTotal: prizes,
    dailyHelpLimit: daily, published: form.published, timeZone: form.timeZone,
    schedule: form.schedule.map((t, i) => ({ helpers: i === form.schedule.length - 1 ? null : int(t.helpers), amount: int(t.amount) })),
  } }
}

/** Create or edit a campaign: the form, the schedule as editable rows, and a live preview of friends needed. */
export function CampaignEditor({ cid }) {
  const isNew = !cid
  const [form, setForm] = useState(isNew ? blank() : null)
  const [locked, setLocked] = useState(false)
  const [touched, setTouched] = useState(false)
  const [serverErrors, setServerErrors] = useState({})
  const [message, setMessage] = useState('')
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!isNew) api.campaign(cid).then((c) => { setForm(fromCampaign(c)); setLocked(c.locked) }).catch((err) => setMessage(err.message))
  }, [cid])

  const checked = useMemo(() => (form ? check(form, isNew) : { errors: {} }), [form])
  if (!form) return html`<p class="muted">${message || '加载中…'}</p>`

  const errors = touched ? { ...serverErrors, ...checked.errors } : serverErrors
  const change = (next) => { setForm(next); setServerErrors({}); setMessage('') }
  const set = (field) => (e) => change({ ...form, [field]: e.target.type === 'checkbox' ? e.target.checked : e.target.value })
  const setTier = (i, field) => (e) => change({ ...form, schedule: form.schedule.map((t, j) => (j === i ? { ...t, [field]: e.target.value } : t)) })
  const addTier = () => {
    const schedule = [...form.schedule]
    schedule.splice(schedule.length - 1, 0, { helpers: '5', amount: '100' })
    setForm({ ...form, schedule })
  }
  const removeTier = (i) => setForm({ ...form, schedule: form.schedule.filter((_, j) => j !== i) })

  async function save(event) {
    event.preventDefault()
    setTouched(true)
    setMessage('')
    if (Object.keys(checked.errors).length > 0) return setMessage('请先改正标红的项')
    setSaving(true)
    try {
      const saved = await api.save(isNew ? form.id : cid, checked.definition)
      location.hash = `#/campaigns/${encodeURIComponent(saved.id)}/live`
    } catch (err) {
      if (err.code === 'VALIDATION_FAILED') {
        setServerErrors(Object.fromEntries(err.errors.map((e) => [e.field, fieldMessage(e.message)])))
        setMessage('服务器未接受：' + err.errors.map((e) => `${fieldName(e.field.replace(/\[.*$/, ''))} ${fieldMessage(e.message)}`).join('；'))
      } else if (err.code === 'CAMPAIGN_LOCKED') {
        setMessage('已有玩家参与，目标和加速规则不能再改')
      } else {
        setMessage(`保存失败：${err.message}`)
      }
    } finally {
      setSaving(false)
    }
  }

  const goal = int(form.goal)
  const tiers = form.schedule.map((t, i) => ({ helpers: i === form.schedule.length - 1 ? null : int(t.helpers), amount: int(t.amount) }))
  const needed = goal >= 1 ? helpsToReach(goal, tiers) : null
  const field = (name, label, input, hint) => html`
    <label class=${errors[name] ? 'invalid' : ''}>${label}${input}
      ${errors[name] ? html`<span class="field-error" data-field=${name}>${errors[name]}</span>` : hint && html`<span class="hint">${hint}</span>`}
    </label>`

  return html`
    <form class="editor" onSubmit=${save} novalidate>
      <div class="bar"><h2>${isNew ? '新建活动' : `编辑活动 · ${cid}`}</h2></div>
      <div class="grid">
        <section class="card">
          <h3>基本信息</h3>
          ${isNew && field('id', '活动ID', html`<input name="id" value=${form.id} onInput=${set('id')} placeholder="例如：run-2027" />`, '用于链接和分享码，保存后不能改')}
          ${field('title', '标题', html`<input name="title" value=${form.title} onInput=${set('title')} placeholder="例如：加速奔向2027" />`)}
          ${field('description', '活动说明', html`<textarea name="description" rows="3" value=${form.description} onInput=${set('description')} />`)}
          <div class="row3">
            ${field('startsAt', '开始时间', html`<input name="startsAt" type="datetime-local" value=${form.startsAt} onInput=${set('startsAt')} />`)}
            ${field('endsAt', '结束时间', html`<input name="endsAt" type="datetime-local" value=${form.endsAt} onInput=${set('endsAt')} />`)}
            ${field('claimDeadline', '领奖截止', html`<input name="claimDeadline" type="datetime-local" value=${form.claimDeadline} onInput=${set('claimDeadline')} />`)}
          </div>
          <p class="hint">时间按 ${form.timeZone} 填写。</p>
          <div class="row3">
            ${field('goal', '目标', html`<input name="goal" inputmode="numeric" value=${form.goal} disabled=${locked} onInput=${set('goal')} />`)}
            ${field('prizeTotal', '奖品数量', html`<input name="prizeTotal" inputmode="numeric" value=${form.prizeTotal} onInput=${set('prizeTotal')} />`)}
            ${field('dailyHelpLimit', '每人每日助力上限', html`<input name="dailyHelpLimit" inputmode="numeric" value=${form.dailyHelpLimit} onInput=${set('dailyHelpLimit')} />`)}
          </div>
          <label class="check"><input name="published" type="checkbox" checked=${form.published} onChange=${set('published')} /> 发布（发布后玩家才能看到活动）</label>
        </section>
        <section class="card">
          <h3>加速规则</h3>
          ${locked && html`<p class="notice">已有玩家参与，目标和加速规则已锁定。</p>`}
          <table class="tiers">
            <thead><tr><th>档位</th><th>好友人数</th><th>每位加速</th><th></th></tr></thead>
            <tbody>
              ${form.schedule.map((tier, i) => {
                const last = i === form.schedule.length - 1
                return html`<tr key=${i} data-tier=${i}>
                  <td>第 ${i + 1} 档</td>
                  <td class=${errors[`schedule[${i}].helpers`] ? 'invalid' : ''}>
                    ${last ? html`<span class="muted">之后每位</span>` : html`<input name=${`helpers-${i}`} inputmode="numeric" value=${tier.helpers} disabled=${locked} onInput=${setTier(i, 'helpers')} />`}
                    ${errors[`schedule[${i}].helpers`] && html`<span class="field-error">${errors[`schedule[${i}].helpers`]}</span>`}
                  </td>
                  <td class=${errors[`schedule[${i}].amount`] ? 'invalid' : ''}>
                    <input name=${`amount-${i}`} inputmode="numeric" value=${tier.amount} disabled=${locked} onInput=${setTier(i, 'amount')} />
                    ${errors[`schedule[${i}].amount`] && html`<span class="field-error">${errors[`schedule[${i}].amount`]}</span>`}
                  </td>
                  <td>${!last && !locked && form.schedule.length > 1 && html`<button type="button" class="link" onClick=${() => removeTier(i)}>删除</button>`}</td>
                </tr>`
              })}
            </tbody>
          </table>
          ${!locked && html`<button type="button" class="small" onClick=${addTier}>添加一档</button>`}
          ${errors.schedule && html`<p class="field-error">${errors.schedule}</p>`}
          <div class="preview" data-preview>
            <h4>预览</h4>
            ${needed == null
              ? html`<p class="muted">填好目标和每档加速后显示需要几位好友。</p>`
              : html`
                <p class="needed">到达目标 <strong>${goal}</strong> 需要 <strong data-friends-needed>${needed}</strong> 位好友助力${needed > 10000 ? html`<span class="field-error">（超过 10000，服务器不会接受）</span>` : ''}</p>
                <ul>${preview(goal, tiers).map((line) => html`
                  <li>第 ${line.from}${line.to > line.from ? `–${line.to}` : ''} 位好友：每位 +${line.amount}，累计到 ${line.reached}</li>`)}</ul>`}
          </div>
        </section>
      </div>
      ${message && html`<p class="error" role="alert">${message}</p>`}
      <div class="bar end">
        <a class="button" href="#/campaigns">取消</a>
        <button class="primary" disabled=${saving}>${saving ? '保存中…' : '保存'}</button>
      </div>
    </form>`
}
