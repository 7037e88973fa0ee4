// Who brought whom, as the pages send it: `via`, the scene and a group card's encrypted info on help and join.
const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, liveCampaign, alicesRun, alicesPublicRun, SESSION, MANIFEST } = require('../helpers/fixtures')
const { problem, GROUP_INFO } = require('../helpers/fake-wx')
const { VIA_KEY } = require('../../src/lib/arrival')

const BOOST = `POST /api/v1/campaigns/${CID}/players/ALICE123/boosts`
const JOIN = `POST /api/v1/campaigns/${CID}/players`
const HELPED = { status: 201, body: { amount: 200, progress: 600, goal: 1000, finished: false, prizeRank: null } }

function appWith(wxOptions) {
  const app = installApp(wxOptions)
  app.route('POST /api/v1/session', SESSION)
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: liveCampaign() })
  app.route('GET http://127.0.0.1:18180/manifest.json', MANIFEST)
  return app
}

/** A friend opens Alice's card (or scans her poster) and taps 帮TA加速; resolves with the help request sent. */
async function helpFrom(query, wxOptions) {
  const app = appWith(wxOptions)
  app.route(`GET /api/v1/campaigns/${CID}/players/ALICE123`, { status: 200, body: alicesPublicRun() })
  app.route(BOOST, HELPED)
  const page = renderPage('pages/landing/landing')
  page.instance.onLoad(query)
  await until(() => page.querySelector('#help'), 'the help button')
  page.querySelector('#help').dispatchEvent('tap')
  await until(() => page.querySelector('#result'), 'the result')
  const sent = app.sent.filter((r) => `${r.method} ${r.path}` === BOOST)
  expect(sent).toHaveLength(1)
  return { app, page, help: sent[0] }
}

/** The home page of a user who has not joined yet, opened with `query`; resolves once they tapped 加入挑战. */
async function joinFrom(query, wxOptions, prepare = () => {}) {
  const app = appWith(wxOptions)
  prepare(app)
  app.route(`GET /api/v1/campaigns/${CID}/players/me`, problem(404, 'NOT_FOUND'))
  app.route('GET /api/v1/me', { status: 200, body: { id: 'u2', nickname: '鲍勃', avatarUrl: 'https://cdn.example.com/b.png' } })
  const page = renderPage('pages/home/home')
  page.instance.onLoad(query)
  await until(() => page.querySelector('#join'), 'the join button')
  app.route(JOIN, { status: 201, body: alicesRun({ shareCode: 'BOB456' }) })
  app.route(`GET /api/v1/campaigns/${CID}/players/me`, { status: 200, body: alicesRun({ shareCode: 'BOB456' }) })
  page.querySelector('#join').dispatchEvent('tap')
  await until(() => page.querySelector('#rank'), 'the run')
  const sent = app.sent.filter((r) => `${r.method} ${r.path}` === JOIN)
  expect(sent).toHaveLength(1)
  return { app, page, join: sent[0] }
}

describe('a help says what brought the helper', () => {
  test('from a card opened in a group: the share code, scene 1044 and the group info from wx.getShareInfo', async () => {
    const { app, help } = await helpFrom({ cid: CID, code: 'ALICE123' }, { scene: 1044, shareTicket: 'ticket-9' })
    expect(help.data).toEqual({ via: 'ALICE123', scene: 1044, shareTicket: GROUP_INFO })
    expect(help.header['Idempotency-Key']).toBeTruthy()
    expect(global.wx.getShareInfo).toHaveBeenCalledWith(expect.objectContaining({ shareTicket: 'ticket-9' }))
    expect(app.calls.indexOf('login')).toBeLessThan(app.calls.indexOf('getShareInfo'))
  })

  test('from a group card on a base library with wx.getGroupEnterInfo, that is used instead', async () => {
    const { help } = await helpFrom({ cid: CID, code: 'ALICE123' }, { scene: 1044, shareTicket: 'ticket-9', canIUse: ['getGroupEnterInfo'] })
    expect(help.data).toEqual({ via: 'ALICE123', scene: 1044, shareTicket: GROUP_INFO })
    expect(global.wx.getGroupEnterInfo).toHaveBeenCalledTimes(1)
    expect(global.wx.getShareInfo).not.toHaveBeenCalled()
  })

  test('from a card in a single chat (no share ticket): the share code and scene only', async () => {
    const { app, help } = await helpFrom({ cid: CID, code: 'ALICE123' }, { scene: 1007 })
    expect(help.data).toEqual({ via: 'ALICE123', scene: 1007 })
    expect(global.wx.getShareInfo).not.toHaveBeenCalled()
    expect(app.storage.get(VIA_KEY + CID)).toBe('ALICE123') // for a join later
  })

  test('when wx.getShareInfo fails, the help still goes, without the group', async () => {
    const { page, help } = await helpFrom({ cid: CID, code: 'ALICE123' }, { scene: 1044, shareTicket: 'ticket-9', groupInfo: () => 'fail' })
    expect(help.data).toEqual({ via: 'ALICE123', scene: 1044 })
    expect(page.querySelector('#result').dom.textContent).toContain('+200')
  })

  test('from a scanned poster: the share code read from the code’s scene, and the scan scene', async () => {
    const { help } = await helpFrom({ scene: encodeURIComponent(`c=${CID}&s=ALICE123`) }, { scene: 1047 })
    expect(help.data).toEqual({ via: 'ALICE123', scene: 1047 })
  })
})

describe('a join says who brought the player', () => {
  test('joining from a friend’s landing page sends that friend’s share code, then forgets it', async () => {
    const { app, join } = await joinFrom({ cid: CID, via: 'ALICE123' }, { scene: 1044, shareTicket: 'ticket-9' })
    expect(join.data).toEqual({ via: 'ALICE123', scene: 1044, shareTicket: GROUP_INFO })
    expect(app.storage.has(VIA_KEY + CID)).toBe(false)
  })

  test('a user who helped from a card and comes back later to join is still counted as brought by it', async () => {
    const { join } = await joinFrom({ cid: CID }, { scene: 1001 }, (app) => app.storage.set(VIA_KEY + CID, 'ALICE123'))
    expect(join.data).toEqual({ via: 'ALICE123', scene: 1001 })
  })

  test('the first card that brought the user wins over a later one', async () => {
    const { join } = await joinFrom({ cid: CID, via: 'CAROL789' }, { scene: 1007 }, (app) => app.storage.set(VIA_KEY + CID, 'ALICE123'))
    expect(join.data).toMatchObject({ via: 'ALICE123' })
  })

  test('a user nobody brought sends only the scene', async () => {
    const { join } = await joinFrom({ cid: CID }, { scene: 1089 })
    expect(join.data).toEqual({ scene: 1089 })
  })

  test('when wx.getShareInfo fails, the join goes without the group', async () => {
    const { join } = await joinFrom({ cid: CID, via: 'ALICE123' }, { scene: 1044, shareTicket: 'ticket-9', groupInfo: () => 'fail' })
    expect(join.data).toEqual({ via: 'ALICE123', scene: 1044 })
  })
})
