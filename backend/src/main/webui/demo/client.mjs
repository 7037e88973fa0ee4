// A small client of Jiasu's HTTP API for scripts (the demo seed, the console's browser test): users log in through
// the WeChat stub (the login code is the openid), pick a face and a nickname, join through a share code and help.
export function jiasu(base, { adminToken, stub } = {}) {
  async function call(method, path, { token, body, form } = {}) {
    const headers = token ? { Authorization: `Bearer ${token}` } : {}
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(base + path, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) })
    const text = await response.text()
    const json = text && response.headers.get('content-type')?.includes('json')
    return { status: response.status, body: json ? JSON.parse(text) : text }
  }
  async function ok(promise, ...expected) {
    const answer = await promise
    if (!expected.includes(answer.status)) throw new Error(`answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    return answer.body
  }
  const players = (cid) => `/api/v1/campaigns/${encodeURIComponent(cid)}/players`

  return {
    call,
    /** Signs in as the stub user `code`; the answer's token. */
    login: async (code) => (await ok(call('POST', '/api/v1/session', { body: { code } }), 201)).token,
    nickname: (token, nickname) => ok(call('PUT', '/api/v1/me', { token, body: { nickname } }), 200),
    /** Uploads a PNG as the user's avatar, the way wx.uploadFile sends it. */
    avatar(token, png) {
      const form = new FormData()
      form.append('file', new Blob([png], { type: 'image/png' }), 'avatar.png')
      return ok(call('POST', '/api/v1/me/avatar', { token, form }), 200)
    },
    /** Joins (or finds the player again); origin is {via, scene, shareTicket}. The player view. */
    join: (cid, token, origin) => ok(call('POST', players(cid), { token, body: origin }), 200, 201),
    /** One help; the raw answer, so callers can tell a refusal. */
    help: (cid, token, shareCode, origin) =>
      call('POST', `${players(cid)}/${encodeURIComponent(shareCode)}/boosts`, { token, body: origin }),
    claim: (cid, token, form) => ok(call('PUT', `${players(cid)}/me/claim`, { token, body: form }), 200),
    /** What wx.getShareInfo gives a user who opened a card in group openGId (the stub encrypts it). */
    async shareTicket(code, openGId) {
      const response = await fetch(`${stub}/stub/share-info`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid: code, openGId, kind: 'share' }),
      })
      if (response.status !== 200) throw new Error(`stub share-info answered ${response.status}`)
      return response.json()
    },
    defineCampaign: (cid, definition) =>
      ok(call('PUT', `/api/v1/admin/campaigns/${encodeURIComponent(cid)}`, { token: adminToken, body: definition }), 200, 201),
    virality: (cid) => ok(call('GET', `/api/v1/admin/campaigns/${encodeURIComponent(cid)}/virality`, { token: adminToken }), 200),
  }
}
