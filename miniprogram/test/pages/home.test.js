const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, liveCampaign, upcomingCampaign, alicesRun, SESSION, MANIFEST } = require('../helpers/fixtures')
const { problem } = require('../helpers/fake-wx')
const { MESSAGES } = require('../../src/lib/errors')

const ME = `GET /api/v1/campaigns/${CID}/players/me`

function homeWith(campaign, run) {
  const app = installApp()
  app.route(`GET /api/v1/campaigns/${CID}`, campaign.id ? { status: 200, body: campaign } : campaign)
  app.route('POST /api/v1/session', SESSION)
  app.route(ME, run ? { status: 200, body: run } : problem(404, 'NOT_FOUND'))
  app.route('GET http://127.0.0.1:18180/manifest.json', MANIFEST)
  const page = renderPage('pages/home/home')
  page.instance.onLoad({ cid: CID })
  return { app, page }
}

afterEach(() => {
  jest.useRealTimers()
})

test('shows the title, the schedule in words, friends still needed and the live rank', async () => {
  const { page } = homeWith(liveCampaign(), alicesRun())
  await until(() => page.querySelector('#rank'), 'the run')
  expect(page.dom.textContent).toContain('加速奔向2027')
  expect(page.data.rules).toEqual(['第1-5位好友：每人加速200', '第6位起的好友：每人加速50'])
  expect(page.dom.textContent).toContain('第1-5位好友：每人加速200')
  expect(page.querySelector('#friends-needed').dom.textContent).toContain('3')
  expect(page.querySelector('#rank').dom.textContent).toContain('7')
  expect(global.wx.showShareMenu).toHaveBeenCalledWith(expect.objectContaining({ withShareTicket: true }))
})

test('before the start it counts down and asks nothing about the player', async () => {
  const { app, page } = homeWith(upcomingCampaign((2 * 3600 + 5) * 1000))
  await until(() => page.querySelector('#countdown'), 'the countdown')
  expect(page.querySelector('#countdown').dom.textContent).toMatch(/^02:00:0[45]$/)
  expect(page.querySelector('#join')).toBeFalsy()
  expect(app.sent.some((r) => r.path.endsWith('/players/me'))).toBe(false)
  page.instance.onUnload()
})

test('the countdown ticks every second and reloads the campaign at the start', async () => {
  const { app, page } = homeWith(upcomingCampaign(2500))
  await until(() => page.querySelector('#countdown'), 'the countdown')
  const first = page.querySelector('#countdown').dom.textContent
  await until(() => page.querySelector('#countdown').dom.textContent !== first, 'a tick', 2500)
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: liveCampaign() })
  await until(() => page.querySelector('#join'), 'the live campaign', 4000)
  page.instance.onUnload()
})

test('a first join offers the subscription, and the tap asks WeChat for it', async () => {
  const { app, page } = homeWith(liveCampaign(), null)
  await until(() => page.querySelector('#join'), 'the join button')
  app.route(`POST /api/v1/campaigns/${CID}/players`, { status: 201, body: alicesRun() })
  app.route(ME, { status: 200, body: alicesRun() })
  page.querySelector('#join').dispatchEvent('tap')
  await until(() => page.querySelector('#subscribe'), 'the subscription offer')
  expect(page.querySelector('#rank')).toBeTruthy()
  page.querySelector('#subscribe').dispatchEvent('tap')
  await until(() => global.wx.requestSubscribeMessage.mock.calls.length === 1, 'the consent dialog')
  expect(global.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toHaveLength(2)
  expect(page.querySelector('#subscribe')).toBeFalsy()
})

test('joining again (200) does not ask for the subscription again', async () => {
  const { app, page } = homeWith(liveCampaign(), null)
  await until(() => page.querySelector('#join'), 'the join button')
  app.route(`POST /api/v1/campaigns/${CID}/players`, { status: 200, body: alicesRun() })
  app.route(ME, { status: 200, body: alicesRun() })
  page.querySelector('#join').dispatchEvent('tap')
  await until(() => page.querySelector('#rank'), 'the run')
  expect(page.querySelector('#subscribe')).toBeFalsy()
})

test('a refused join says why', async () => {
  const { app, page } = homeWith(liveCampaign(), null)
  await until(() => page.querySelector('#join'), 'the join button')
  app.route(`POST /api/v1/campaigns/${CID}/players`, problem(409, 'CAMPAIGN_ENDED'))
  page.querySelector('#join').dispatchEvent('tap')
  await until(() => global.wx.showToast.mock.calls.length > 0, 'the toast')
  expect(global.wx.showToast).toHaveBeenCalledWith({ title: MESSAGES.CAMPAIGN_ENDED, icon: 'none' })
})

test('the share card carries the campaign, the share code and the CDN image from the manifest', async () => {
  const { page } = homeWith(liveCampaign(), alicesRun())
  await until(() => page.data.assets.shareCard && page.data.player, 'the manifest and the run')
  expect(page.instance.onShareAppMessage({ from: 'button' })).toEqual({
    title: '我还差3位好友就到终点了，快来帮我加速！',
    path: `/pages/landing/landing?cid=${CID}&code=ALICE123`,
    imageUrl: 'http://127.0.0.1:18180/a/share-card.0123456789ab.png',
  })
})

test('a prize holder is sent to the claim form, and the poster button to the poster', async () => {
  const { page } = homeWith(liveCampaign(), alicesRun({ progress: 1000, friendsNeeded: 0, finishedAt: '2026-11-01T00:00:00Z', prizeRank: 3 }))
  await until(() => page.querySelector('#claim'), 'the claim button')
  expect(page.querySelector('#arrived')).toBeTruthy()
  page.querySelector('#claim').dispatchEvent('tap')
  page.querySelector('#poster').dispatchEvent('tap')
  await until(() => global.wx.navigateTo.mock.calls.length === 2, 'both navigations')
  expect(global.wx.navigateTo.mock.calls.map(([options]) => options.url)).toEqual([
    `/pages/claim/claim?cid=${CID}`,
    `/pages/poster/poster?cid=${CID}`,
  ])
})

test('a network failure shows a retry that loads the page', async () => {
  const { app, page } = homeWith('offline')
  await until(() => page.data.error, 'the error')
  expect(page.dom.textContent).toContain(MESSAGES.NETWORK)
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: liveCampaign() })
  page.querySelector('#error').querySelector('.retry').dispatchEvent('tap')
  await until(() => page.querySelector('#join'), 'the loaded page')
  expect(page.data.error).toBe(null)
})

test('an unpublished campaign (404) is not found, with nothing to retry', async () => {
  const { page } = homeWith(problem(404, 'NOT_FOUND'))
  await until(() => page.data.error, 'the error')
  expect(page.dom.textContent).toContain(MESSAGES.NOT_FOUND)
  expect(page.querySelector('#error').querySelector('.retry')).toBeFalsy()
})
