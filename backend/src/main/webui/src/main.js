// The console's shell: sign-in gate, a hash router (#/campaigns, #/campaigns/new, #/campaigns/<id>/edit,
// #/campaigns/<id>/live, #/campaigns/<id>/virality, #/audit) and the page frame.
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { html } from './html.js'
import { session, whenSignedOut } from './api.js'
import { SignIn } from './signin.js'
import { CampaignList } from './campaigns.js'
import { CampaignEditor } from './editor.js'
import { LiveCampaign } from './live.js'
import { Virality } from './virality.js'
import { AuditLog } from './audit.js'

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
  if (route === '/audit') return html`<${AuditLog} />`
  return html`<${CampaignList} />`
}

function App() {
  const [signedIn, setSignedIn] = useState(Boolean(session.token()))
  const route = useRoute()
  useEffect(() => whenSignedOut(() => { session.signOut(); setSignedIn(false) }), [])
  if (!signedIn) return html`<${SignIn} onSignedIn=${() => setSignedIn(true)} />`
  const signOut = () => { session.signOut(); setSignedIn(false) }
  return html`
    <header class="top">
      <a class="brand" href="#/campaigns">加速 · 运营后台</a>
      <nav>
        <a href="#/campaigns" class=${route.startsWith('/campaigns') ? 'on' : ''}>活动</a>
        <a href="#/audit" class=${route === '/audit' ? 'on' : ''}>操作日志</a>
      </nav>
      <span class="who">${session.operator() || '运营'}</span>
      <button class="link" onClick=${signOut}>退出</button>
    </header>
    <main>${page(route)}</main>`
}

render(html`<${App} />`, document.getElementById('app'))
