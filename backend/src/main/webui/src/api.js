// The console's only door to the backend: the admin token and the operator's name on every request, problem+json
// answers turned into errors that carry the stable code and the field errors.
const TOKEN = 'jiasu.admin.token'
const OPERATOR = 'jiasu.admin.operator'

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  operator: () => sessionStorage.getItem(OPERATOR) || '',
  signIn(token, operator) {
    sessionStorage.setItem(TOKEN, token)
    sessionStorage.setItem(OPERATOR, operator)
  },
  signOut() {
    sessionStorage.removeItem(TOKEN)
  },
}

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

async function request(method, path, body, token = session.token()) {
  const headers = { Authorization: `Bearer ${token}` }
  // Header values are Latin-1 only: the name travels percent-encoded (UTF-8).
  if (session.operator()) headers['X-Operator'] = encodeURIComponent(session.operator())
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
  check: (token) => request('GET', '/campaigns', undefined, token),
  campaigns: () => json(request('GET', '/campaigns')),
  campaign: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}`)),
  save: (cid, definition) => json(request('PUT', `/campaigns/${encodeURIComponent(cid)}`, definition)),
  activity: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/activity`)),
  leaderboard: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/leaderboard?limit=20`)),
  virality: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/virality`)),
  winners: (cid) => json(request('GET', `/campaigns/${encodeURIComponent(cid)}/winners`)),
  ban: (cid, shareCode) => json(request('POST', `/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}/ban`)),
  review: (cid, shareCode, decision) =>
    json(request('POST', `/campaigns/${encodeURIComponent(cid)}/players/${encodeURIComponent(shareCode)}/claim/review`, { decision })),
  audit: () => json(request('GET', '/audit?limit=200')),
  async winnersCsv(cid) {
    const response = await request('GET', `/campaigns/${encodeURIComponent(cid)}/winners.csv`)
    return response.blob()
  },
}
