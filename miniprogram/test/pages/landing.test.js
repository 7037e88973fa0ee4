const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, liveCampaign, alicesPublicRun, SESSION, MANIFEST } = require('../helpers/fixtures')
const { problem } = require('../helpers/fake-wx')
const { MESSAGES } = require('../../src/lib/errors')

const BOOST = `POST /api/v1/campaigns/${CID}/players/ALICE123/boosts`

async function landingFor(query, { run = alicesPublicRun(), boost } = {}) {
  const app = installApp({ scene: 1044 })
  app.route('POST /api/v1/session', SESSION)
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: liveCampaign() })
  app.route(`GET /api/v1/campaigns/${CID}/players/ALICE123`, { status: 200, body: run })
  app.route('GET http://127.0.0.1:18180/manifest.json', MANIFEST)
  if (boost) app.route(BOOST, boost)
  const page = renderPage('pages/landing/landing')
  page.instance.onLoad(query)
  await until(() => page.querySelector('#owner'), 'the run to show')
  return { app, page }
}

const boosts = (app) => app.sent.filter((r) => `${r.method} ${r.path}` === BOOST)

test('a share card shows whose run it is and their progress, sending our token for boostedByMe', async () => {
  const { app, page } = await landingFor({ cid: CID, code: 'ALICE123' })
  expect(page.querySelector('#owner').dom.textContent).toBe('爱丽丝')
  expect(page.dom.textContent).toContain('400 / 1000')
  expect(page.querySelector('#help')).toBeTruthy()
  const view = app.sent.find((r) => r.path.endsWith('/players/ALICE123'))
  expect(view.header.Authorization).toBe('Bearer token-1')
  expect(view.header['X-WX-Scene']).toBe('1044')
})

test('a scanned mini-program code opens the same run from its scene', async () => {
  const { page } = await landingFor({ scene: encodeURIComponent(`c=${CID}&s=ALICE123`) })
  expect(page.querySelector('#owner').dom.textContent).toBe('爱丽丝')
})

test('a tap helps and shows what it was worth', async () => {
  const { app, page } = await landingFor({ cid: CID, code: 'ALICE123' }, {
    boost: { status: 201, body: { amount: 200, progress: 600, goal: 1000, finished: false, prizeRank: null } },
  })
  page.querySelector('#help').dispatchEvent('tap')
  await until(() => page.querySelector('#result'), 'the result')
  expect(page.querySelector('#result').dom.textContent).toContain('+200')
  expect(page.dom.textContent).toContain('600 / 1000')
  expect(page.dom.textContent).toContain('已帮TA加速')
  expect(page.querySelector('#help')).toBeFalsy()
  expect(boosts(app)[0].header['Idempotency-Key']).toMatch(/\S{8,}/)
})

test('the help that reaches the goal says so', async () => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' }, {
    boost: { status: 201, body: { amount: 50, progress: 1000, goal: 1000, finished: true, prizeRank: 3 } },
  })
  page.querySelector('#help').dispatchEvent('tap')
  await until(() => page.querySelector('#result'), 'the result')
  expect(page.querySelector('#result').dom.textContent).toContain('TA到达终点啦')
  expect(page.dom.textContent).toContain('TA已到达终点')
})

test('double taps send a single help request', async () => {
  const { app, page } = await landingFor({ cid: CID, code: 'ALICE123' }, {
    boost: { status: 201, body: { amount: 200, progress: 600, goal: 1000, finished: false, prizeRank: null } },
  })
  const button = page.querySelector('#help')
  button.dispatchEvent('tap')
  button.dispatchEvent('tap')
  button.dispatchEvent('tap')
  await until(() => page.querySelector('#result'), 'the result')
  expect(boosts(app)).toHaveLength(1)
})

test.each([
  ['SELF_BOOST', 403, '#help'],
  ['ALREADY_BOOSTED', 409, null],
  ['GOAL_REACHED', 409, null],
  ['DAILY_LIMIT', 429, '#help'],
  ['CAMPAIGN_NOT_STARTED', 409, '#help'],
  ['CAMPAIGN_ENDED', 409, '#help'],
  ['NOT_FOUND', 404, '#help'],
  ['RATE_LIMITED', 429, '#help'],
  ['FORBIDDEN', 403, '#help'],
  ['UNAVAILABLE', 503, '#help'],
])('a help refused with %s shows its message', async (code, status, buttonLeft) => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' }, { boost: problem(status, code) })
  page.querySelector('#help').dispatchEvent('tap')
  await until(() => page.querySelector('#help-error'), 'the refusal')
  expect(page.querySelector('#help-error').dom.textContent).toContain(MESSAGES[code])
  expect(Boolean(page.querySelector('#help'))).toBe(Boolean(buttonLeft))
  expect(Boolean(page.querySelector('#help-retry'))).toBe(status === 429 || status >= 500)
})

test('a network failure offers a retry that reuses the same idempotency key', async () => {
  let online = false
  const { app, page } = await landingFor({ cid: CID, code: 'ALICE123' }, {
    boost: () => (online ? { status: 201, body: { amount: 200, progress: 600, goal: 1000, finished: false, prizeRank: null } } : 'offline'),
  })
  page.querySelector('#help').dispatchEvent('tap')
  await until(() => page.querySelector('#help-retry'), 'the retry button')
  expect(page.querySelector('#help-error').dom.textContent).toContain(MESSAGES.NETWORK)
  online = true
  page.querySelector('#help-retry').dispatchEvent('tap')
  await until(() => page.querySelector('#result'), 'the result')
  const [first, second] = boosts(app)
  expect(second.header['Idempotency-Key']).toBe(first.header['Idempotency-Key'])
})

test('an already helped run shows no button to tap', async () => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' }, { run: alicesPublicRun({ boostedByMe: true }) })
  expect(page.querySelector('#help')).toBeFalsy()
  expect(page.dom.textContent).toContain('已帮TA加速')
})

test('an unknown share code shows the not-found message without a retry', async () => {
  const app = installApp()
  app.route('POST /api/v1/session', SESSION)
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: liveCampaign() })
  const page = renderPage('pages/landing/landing')
  page.instance.onLoad({ cid: CID, code: 'GONE' })
  await until(() => page.data.error, 'the error')
  expect(page.dom.textContent).toContain(MESSAGES.NOT_FOUND)
  expect(page.dom.textContent).not.toContain('重试')
})

test('the invitation takes the helper to the campaign home to join, saying whose card brought them', async () => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' })
  page.querySelector('#join').dispatchEvent('tap')
  await until(() => global.wx.reLaunch.mock.calls.length > 0, 'the navigation')
  expect(global.wx.reLaunch).toHaveBeenCalledWith({ url: `/pages/home/home?cid=${CID}&via=ALICE123` })
})

test('passing the card on shares the same run, with share tickets on', async () => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' })
  expect(page.instance.onShareAppMessage()).toEqual({ title: '快来帮爱丽丝加速！', path: `/pages/landing/landing?cid=${CID}&code=ALICE123` })
  expect(global.wx.showShareMenu).toHaveBeenCalledWith(expect.objectContaining({ withShareTicket: true }))
})

test('a run shows its owner’s avatar, resolved against the API base', async () => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' }, { run: alicesPublicRun({ avatarUrl: '/media/avatars/a1.png' }) })
  expect(page.querySelector('#owner-avatar').data.src).toBe('http://127.0.0.1:8080/media/avatars/a1.png')
})

test('an owner without a face shows the default picture and 微信用户, and the card passed on asks to help TA', async () => {
  const { page } = await landingFor({ cid: CID, code: 'ALICE123' }, { run: alicesPublicRun({ nickname: null, avatarUrl: null }) })
  expect(page.querySelector('#owner').dom.textContent).toBe('微信用户')
  expect(page.querySelector('#owner-avatar').data.src).toBe('/images/default-avatar.png')
  expect(page.instance.onShareAppMessage().title).toBe('快来帮TA加速！')
})

describe('after a help, a helper without a face', () => {
  const helped = { status: 201, body: { amount: 200, progress: 600, goal: 1000, finished: false, prizeRank: null } }

  test('is offered the sheet once, so the friend’s helper list can show who it was', async () => {
    const { app, page } = await landingFor({ cid: CID, code: 'ALICE123' }, { boost: helped })
    app.route('GET /api/v1/me', { status: 200, body: { id: 'u2', nickname: '微信用户', avatarUrl: '' } })
    page.querySelector('#help').dispatchEvent('tap')
    await until(() => page.querySelector('#face-sheet'), 'the face sheet')
    expect(page.querySelector('#face-sheet').dom.textContent).toContain('助力名单')
    page.querySelector('#face-sheet').querySelector('#skip').dispatchEvent('tap')
    await until(() => !page.querySelector('#face-sheet'), 'the sheet to close')
    expect(app.storage.get('jiasu.faces.asked')).toBe(true)
  })

  test('who was asked before is not asked again, and nothing is fetched for it', async () => {
    const { app, page } = await landingFor({ cid: CID, code: 'ALICE123' }, { boost: helped })
    app.storage.set('jiasu.faces.asked', true)
    page.querySelector('#help').dispatchEvent('tap')
    await until(() => page.querySelector('#result'), 'the result')
    expect(page.querySelector('#face-sheet')).toBeFalsy()
    expect(app.sent.some((r) => r.path === '/api/v1/me')).toBe(false)
  })
})
