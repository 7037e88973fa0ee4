// The console's only door to the backend: the signed-in operator's access token (OpenID Connect, authorization code
// with PKCE: the console is a public client, it holds no secret) or the admin token on every request; problem+json
// answers turned into errors that carry the stable code and the field errors. Who is signed in and what they may do
// comes from GET /admin/whoami, never from anything typed here.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts'

const TOKEN = 'jiasu.admin.token'
let settings = { oidc: null, token: true, idleSeconds: 1800 }
let provider = null
let roles = []

export const session = {
  /** Reads how operators sign in (/admin/sign-in.json) and finishes a sign-in the identity provider sent us back from. */
  async load() {
    settings = await fetch('/admin/sign-in.json').then((r) => r.json())
    if (settings.oidc) {
      const here = location.origin + '/admin/'
      provider = new UserManager({
        authority: settings.oidc.authority,
        client_id: settings.oidc.clientId,
        redirect_uri: here,
        post_logout_redirect_uri: here,
        response_type: 'code',
        scope: 'openid profile',
        userStore: new WebStorageStateStore({ store: sessionStorage }),
        automaticSilentRenew: true,
      })
      const back = new URLSearchParams(location.search)
      if (back.has('code') || back.has('error')) {
        try {
          await provider.signinRedirectCallback()
        } finally {
          history.replaceState(null, '', location.pathname + location.hash)
        }
      }
    }
    return settings
  },
  settings: () => settings,
  async token() {
    const user = provider && (await provider.getUser())
    if (user && !user.expired) return user.access_token
    return sessionStorage.getItem(TOKEN)
  },
  /** To the identity provider's own sign-in page; it sends the operator back to /admin/ with a code. */
  signInWithProvider: () => provider.signinRedirect(),
  signInWithToken: (token) => sessionStorage.setItem(TOKEN, token),
  /** Forgets the sign-in in this tab only (a refused token, an idle console). */
  async forget() {
    sessionStorage.removeItem(TOKEN)
    roles = []
    if (provider) await provider.removeUser()
  },
  /** Signs out here and, for an operator signed in through the identity provider, there too (it comes back here). */
  async signOut() {
    const user = provider && (await provider.getUser())
    await this.forget()
    if (user) await provider.signoutRedirect({ id_token_hint: user.id_token })
  },
}

/** Whether the signed-in operator holds the role (admin includes operator, which includes viewer). */
export const can = (role) => roles.includes(role)

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.status = status
    this.code = problem.code || 'HTTP_' + status
    this.errors = problem.errors || []
  }
}

let onUnauthenticated = () => {}
export function whenSignedOut(callback) {
  onUnauthenticated = callback
}

async function request(method, path, body) {
  const headers = { Authorization: `Bearer ${await session.token()}` }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response
  try {
    response = await fetch(`/api/v1/admin${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch (err) {
    throw new ApiError(0, { code: 'NETWORK', detail: '网络连接失败' })
  }
  if (response.status === 401) {
    onUnauthenticated()
    throw new ApiError(401, { code: 'UNAUTHENTICATED', detail: '登录已失效' })
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}))
    throw new ApiError(response.status, problem)
  }
  return response
}

const json = async (promise) => (await promise).json()

export const api = {
  async whoami() {
    const me = await json(request('GET', '/whoami'))
    roles = me.roles
    return me
  },
  campaigns: () => json(request('GET', '/campaigns')),
  campaign: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}`)),
  save: (cid, definition) => json(request('PUT', `/campaigns/${encodeURIComponent(cid)}`, definition)),
  activity: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/activity`)),
  leaderboard: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/leaderboard?limit=20`)),
  virality: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/virality`)),
  winners: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/winners`)),
  unban: (cid, shareCode) => json(request('DELETE', `/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}/ban`)),
  ban: (cid, shareCode) => json(request('POST', `/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}/ban`)),
  review: (cid, shareCode, decision) =>
    json(request('POST', `/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}/claim/review`, { decision })),
  audit: () => json(request('GET', '/audit?limit=200')),
  player: (cid, shareCode) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}`)),
  reviewQueue: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/review-queue`)),
  decideHelp: (cid, id, decision) =>
    json(request('POST', `/campaigns/${encodeURIComponent(cid)}/held-helps/${encodeURIComponent(id)}/review`, { decision })),
  /** A download (winners.csv, winners.xlsx, players.csv) as a blob. */
  async file(cid, name) {
    const response = await request('GET', `/campaigns/${encodeURIComponent(cid)}/${name}`)
    return response.blob()
  },
}
