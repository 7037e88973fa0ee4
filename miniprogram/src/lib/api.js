// The backend's endpoints (shared/API.md) as functions; callers get parsed bodies or an ApiError. Every avatarUrl
// in an answer comes back absolute (the backend may answer a path on the API host).
const { absoluteAvatars } = require('./faces')

const campaignPath = (cid) => `/api/v1/campaigns/${encodeURIComponent(cid)}`
const playerPath = (cid, shareCode) => `${campaignPath(cid)}/players/${encodeURIComponent(shareCode)}`

/** A fresh key per help tap: a retried request then answers exactly as the first one (API.md). */
function newIdempotencyKey() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/**
 * @typedef {{via?: string, scene?: number, shareTicket?: {encryptedData: string, iv: string}}} Arrival
 *   who brought the user (lib/arrival.js); an empty object sends no body
 */

/** @param {ReturnType<typeof import('./client').createClient>} client */
function createApi(client) {
  const withFaces = (res) => ({ status: res.status, data: absoluteAvatars(client.apiBase, res.data) })
  const send = (path, options = {}) => client.request({ path, ...options }).then(withFaces)
  const get = (path, options = {}) => send(path, options).then((res) => res.data)
  /** @param {Arrival} [arrival] */
  const arrivalBody = (arrival) => (arrival && Object.keys(arrival).length > 0 ? arrival : undefined)

  return {
    login: () => client.login(),
    campaign: (cid) => get(campaignPath(cid), { auth: false }),
    leaderboard: (cid, limit = 20) => get(`${campaignPath(cid)}/leaderboard?limit=${limit}`, { auth: false }),
    winners: (cid) => get(`${campaignPath(cid)}/winners`, { auth: false }),

    /** The signed-in user's face: `{id, nickname, avatarUrl}`. */
    user: () => get('/api/v1/me'),
    /** Saves a nickname (checked by WeChat content security: CONTENT_RISKY); answers the user. */
    // PUT, not PATCH: wx.request has no PATCH method; the server takes both as the same partial update
    updateUser: (changes) => get('/api/v1/me', { method: 'PUT', data: changes }),
    /** Uploads the avatar the user picked (a temporary file from chooseAvatar); answers the user. */
    uploadAvatar: (filePath) => client.upload('/api/v1/me/avatar', filePath).then(withFaces).then((res) => res.data),

    /**
     * Joins the campaign; `joined` is true only the first time (201), when the page asks for subscriptions.
     * @param {Arrival} [arrival]
     */
    join: (cid, arrival) => send(`${campaignPath(cid)}/players`, { method: 'POST', data: arrivalBody(arrival) })
      .then((res) => ({ joined: res.status === 201, player: res.data })),
    me: (cid) => get(`${campaignPath(cid)}/players/me`),
    myBoosts: (cid) => get(`${campaignPath(cid)}/players/me/boosts`),
    /** The public view of someone's run; sent with our token so `boostedByMe` is filled in. */
    player: (cid, shareCode) => get(playerPath(cid, shareCode)),
    /** @param {Arrival} [arrival] */
    boost: (cid, shareCode, idempotencyKey, arrival) => get(`${playerPath(cid, shareCode)}/boosts`, {
      method: 'POST',
      data: arrivalBody(arrival),
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
    claim: (cid, form) => get(`${campaignPath(cid)}/players/me/claim`, { method: 'PUT', data: form }),
    wxacodeFile: (cid) => client.download(`${campaignPath(cid)}/players/me/wxacode`),
  }
}

module.exports = { createApi, newIdempotencyKey }
