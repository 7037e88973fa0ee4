// The backend's endpoints (shared/API.md) as functions; callers get parsed bodies or an ApiError.

const campaignPath = (cid) => `/api/v1/campaigns/${encodeURIComponent(cid)}`
const playerPath = (cid, shareCode) => `${campaignPath(cid)}/players/${encodeURIComponent(shareCode)}`

/** A fresh key per help tap: a retried request then answers exactly as the first one (API.md). */
function newIdempotencyKey() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/** @param {ReturnType<typeof import('./client').createClient>} client */
function createApi(client) {
  const get = (path, options = {}) => client.request({ path, ...options }).then((res) => res.data)

  return {
    login: () => client.login(),
    campaign: (cid) => get(campaignPath(cid), { auth: false }),
    leaderboard: (cid, limit = 20) => get(`${campaignPath(cid)}/leaderboard?limit=${limit}`, { auth: false }),
    winners: (cid) => get(`${campaignPath(cid)}/winners`, { auth: false }),

    /** Joins the campaign; `joined` is true only the first time (201), when the page asks for subscriptions. */
    join: (cid) => client.request({ method: 'POST', path: `${campaignPath(cid)}/players` })
      .then((res) => ({ joined: res.status === 201, player: res.data })),
    me: (cid) => get(`${campaignPath(cid)}/players/me`),
    myBoosts: (cid) => get(`${campaignPath(cid)}/players/me/boosts`),
    /** The public view of someone's run; sent with our token so `boostedByMe` is filled in. */
    player: (cid, shareCode) => get(playerPath(cid, shareCode)),
    boost: (cid, shareCode, idempotencyKey) => get(`${playerPath(cid, shareCode)}/boosts`, {
      method: 'POST',
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
    claim: (cid, form) => get(`${campaignPath(cid)}/players/me/claim`, { method: 'PUT', data: form }),
    wxacodeFile: (cid) => client.download(`${campaignPath(cid)}/players/me/wxacode`),
  }
}

module.exports = { createApi, newIdempotencyKey }
