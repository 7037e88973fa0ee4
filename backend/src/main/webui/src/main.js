// The console's shell: sign-in gate, a hash router (#/campaigns, #/campaigns/new, #/campaigns/<id>/edit,
// #/campaigns/<id>/live, #/campaigns/<id>/virality, #/campaigns/<id>/review, #/campaigns/<id>/players/<shareCode>,
// #/audit) and the page frame.
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { html } from './html.js'
import { api, can, session, whenSignedOut } from './api.js'
import { SignIn } from './signin.js'
import { CampaignList } from './campaigns.js'
import { CampaignEditor } from './editor.js'
import { LiveCampaign } from './live.js'
import { Virality } from './virality.js'
import { AuditLog } from './audit.js'
import { PlayerReview, ReviewQueue } from './review.js'

function useRoute() {
  const [hash, setHash] = useState(location.hash)
  useEffect(() => {
    const changed = () => setHash(location.hash)
    addEventListener('hashchange', changed)
    return () => removeEventListener('hashchange', changed)
  }, [])
  return hash.replace(/^#/, '') || '/campaigns'
}

function page(route) {
  let match
  if (route === '/campaigns/new') return html`<${CampaignEditor} />`
  if ((match = route.match(/^\/campaigns\/([^/]+)\/edit$/))) return html`<${CampaignEditor} cid=${decodeURIComponent(match[1])} />`
  if ((match = route.match(/^\/campaigns\/([^/]+)\/live$/))) return html`<${LiveCampaign} cid=${decodeURIComponent(match[1])} />`
  if ((match = route.match(/^\/campaigns\/([^/]+)\/virality$/))) return html`<${Virality} cid=${decodeURIComponent(match[1])} />`
  if ((match = route.match(/^\/campaigns\/([^/]+)\/review$/))) return html`<${ReviewQueue} cid=${decodeURIComponent(match[1])} />`
  if ((match = route.match(/^\/campaigns\/([^/]+)\/players\/([^/]+)$/))) {
    return html`<${PlayerReview} cid=${decodeURIComponent(match[1])} shareCode=${decodeURIComponent(match[2])} />`
  }
  if (route === '/audit') return html`<${AuditLog} />`
  return html`<${CampaignList} />`
}

const ROLE = { admin: '管理员', operator: '运营', viewer: '只读' }

const IDLE = '长时间未操作，已自动退出'
let lastActive = Date.now()
/** True after idleSeconds without a click or a key press: a sign-in lost then was lost to the idle limit. */
const idle = () => Date.now() - lastActive > session.settings().idleSeconds * 1000

/** Signs the operator out after idleSeconds without a click or a key press (the identity provider's own idle limit matches). */
function useIdle(active, onIdle) {
  useEffect(() => {
    if (!active) return
    lastActive = Date.now()
    const touch = () => { lastActive = Date.now() }
    const events = ['pointerdown', 'keydown', 'wheel']
    events.forEach((e) => addEventListener(e, touch, { passive: true }))
    const timer = setInterval(() => { if (idle()) onIdle() }, 15000)
    return () => { clearInterval(timer); events.forEach((e) => removeEventListener(e, touch)) }
  }, [active])
}

function App() {
  const [me, setMe] = useState(undefined) // undefined: still finding out; null: signed out
  const [notice, setNotice] = useState('')
  const route = useRoute()
  const signedOut = async (why) => { await session.forget(); setMe(null); setNotice(why) }
  useEffect(() => {
    // a refused token after a long idle (the identity provider's idle limit, or a poll that beat the idle check)
    // is the idle sign-out, and says so
    whenSignedOut(() => signedOut(idle() ? IDLE : '登录已失效，请重新登录'))
    session.load()
      .then(async () => ((await session.token()) ? setMe(await api.whoami()) : setMe(null)))
      .catch((err) => signedOut(err.status === 403 ? '该账号没有运营后台的角色（viewer、operator 或 admin）' : ''))
  }, [])
  useIdle(Boolean(me), () => signedOut(IDLE))
  if (me === undefined) return html`<p class="muted">加载中…</p>`
  if (!me) return html`<${SignIn} notice=${notice} onSignedIn=${(who) => { setNotice(''); setMe(who) }} />`
  const role = me.roles[me.roles.length - 1]
  return html`
    <header class="top">
      <a class="brand" href="#/campaigns">加速 · 运营后台</a>
      <nav>
        <a href="#/campaigns" class=${route.startsWith('/campaigns') ? 'on' : ''}>活动</a>
        ${can('admin') && html`<a href="#/audit" class=${route === '/audit' ? 'on' : ''}>操作日志</a>`}
      </nav>
      <span class="who" data-who=${me.name} data-role=${role}>${me.name} · ${ROLE[role]}</span>
      <button class="link" data-sign-out onClick=${() => session.signOut().then(() => setMe(null))}>退出</button>
    </header>
    <main>${page(route)}</main>`
}

render(html`<${App} />`, document.getElementById('app'))
