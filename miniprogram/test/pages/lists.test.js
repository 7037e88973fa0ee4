const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, SESSION, MANIFEST } = require('../helpers/fixtures')
const { MESSAGES } = require('../../src/lib/errors')

function open(pageName, routes) {
  const app = installApp()
  app.route('POST /api/v1/session', SESSION)
  Object.entries(routes).forEach(([key, reply]) => app.route(key, reply))
  const page = renderPage(`pages/${pageName}/${pageName}`)
  page.instance.onLoad({ cid: CID })
  return { app, page }
}

test('my helpers lists every help with its amount', async () => {
  const { page } = open('helpers', {
    [`GET /api/v1/campaigns/${CID}/players/me/boosts`]: {
      status: 200,
      body: { boosts: [{ nickname: '鲍勃', avatarUrl: '', amount: 200, at: '2026-11-20T10:00:00Z' }, { nickname: '卡罗尔', avatarUrl: '', amount: 200, at: '2026-11-20T09:00:00Z' }] },
    },
  })
  await until(() => page.data.boosts.length === 2, 'the helpers')
  expect(page.dom.textContent).toContain('鲍勃')
  expect(page.dom.textContent).toContain('+200')
})

test('no helpers yet invites sharing', async () => {
  const { page } = open('helpers', { [`GET /api/v1/campaigns/${CID}/players/me/boosts`]: { status: 200, body: { boosts: [] } } })
  await until(() => page.querySelector('#empty'), 'the empty list')
})

test('the leaderboard asks for the top 50 without logging in and shows ranks', async () => {
  const { app, page } = open('leaderboard', {
    [`GET /api/v1/campaigns/${CID}/leaderboard?limit=50`]: {
      status: 200,
      body: { entries: [{ rank: 1, nickname: '鲍勃', avatarUrl: '', progress: 1000, finishedAt: '2026-11-20T10:00:00Z' }, { rank: 2, nickname: '卡罗尔', avatarUrl: '', progress: 600, finishedAt: null }], generatedAt: '2026-11-20T10:00:01Z' },
    },
  })
  await until(() => !page.data.loading, 'the entries')
  expect(page.dom.textContent).toContain('已到达')
  expect(page.dom.textContent).toContain('600')
  expect(app.sent.some((r) => r.path === '/api/v1/session')).toBe(false)
})

test('the winners list the prize holders in rank order', async () => {
  const { page } = open('winners', {
    [`GET /api/v1/campaigns/${CID}/winners`]: { status: 200, body: { winners: [{ rank: 1, nickname: '鲍勃', avatarUrl: '', finishedAt: '2026-11-20T10:00:00Z' }] } },
  })
  await until(() => !page.data.loading, 'the winners')
  expect(page.dom.textContent).toContain('鲍勃')
})

test('the poster shows the CDN background and this player’s code, fetched with the session', async () => {
  const { app, page } = open('poster', {
    'GET http://127.0.0.1:18180/manifest.json': MANIFEST,
    [`GET /api/v1/campaigns/${CID}/players/me/wxacode`]: { status: 200 },
  })
  await until(() => page.data.codePath, 'the code')
  expect(page.data.backgroundUrl).toBe('http://127.0.0.1:18180/a/poster-bg.0123456789ab.png')
  expect(page.data.codePath).toBe('wxfile://tmp/code.png')
  const download = app.sent.find((r) => r.path.endsWith('/wxacode'))
  expect(download.header.Authorization).toBe('Bearer token-1')
})

test('a poster whose code cannot be made offers a retry', async () => {
  const { page } = open('poster', {
    'GET http://127.0.0.1:18180/manifest.json': MANIFEST,
    [`GET /api/v1/campaigns/${CID}/players/me/wxacode`]: { status: 502 },
  })
  await until(() => page.data.error, 'the error')
  expect(page.dom.textContent).toContain(MESSAGES.WX_UNAVAILABLE)
  expect(page.querySelector('#error').querySelector('.retry')).toBeTruthy()
})

test('saving the poster draws the background, then the code in its disc, and saves the canvas', async () => {
  const { page } = open('poster', {
    'GET http://127.0.0.1:18180/manifest.json': MANIFEST,
    [`GET /api/v1/campaigns/${CID}/players/me/wxacode`]: { status: 200 },
  })
  await until(() => page.data.codePath, 'the code')
  const drawn = []
  const canvas = {
    getContext: () => ({ drawImage: (image, ...box) => drawn.push([image.src, ...box]) }),
    createImage: () => {
      const image = {}
      Object.defineProperty(image, 'src', { set(src) { this.loaded = src; setTimeout(() => image.onload(), 0) }, get() { return this.loaded } })
      return image
    },
  }
  global.wx.canvasToTempFilePath = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/poster.png' }))
  await expect(page.instance.draw(canvas)).resolves.toBe('wxfile://tmp/poster.png')
  expect([canvas.width, canvas.height]).toEqual([750, 1200])
  expect(drawn).toEqual([
    ['http://127.0.0.1:18180/a/poster-bg.0123456789ab.png', 0, 0, 750, 1200],
    ['wxfile://tmp/code.png', 250, 800, 250, 250],
  ])
  expect(global.wx.canvasToTempFilePath).toHaveBeenCalledWith({ canvas })
})

test.each([
  ['leaderboard', `GET /api/v1/campaigns/${CID}/leaderboard?limit=50`, 'entries', (face, i) => ({ rank: i + 1, ...face, progress: 100, finishedAt: null })],
  ['winners', `GET /api/v1/campaigns/${CID}/winners`, 'winners', (face, i) => ({ rank: i + 1, ...face, finishedAt: '2026-11-20T10:00:00Z' })],
  ['helpers', `GET /api/v1/campaigns/${CID}/players/me/boosts`, 'boosts', (face, i) => ({ ...face, amount: 200, at: `2026-11-20T10:0${i}:00Z` })],
])('the %s show each face: a path resolved against the API, a CDN URL as is, none as the default', async (pageName, route, key, row) => {
  const faces = [
    { nickname: '鲍勃', avatarUrl: '/media/avatars/b0b.png' },
    { nickname: '卡罗尔', avatarUrl: 'https://cdn.example.com/media/avatars/c0c.jpg' },
    { nickname: null, avatarUrl: null },
  ]
  const { page } = open(pageName, { [route]: { status: 200, body: { [key]: faces.map(row) } } })
  await until(() => !page.data.loading, 'the list')
  const rows = page.querySelectorAll('.player')
  expect(rows.map((r) => r.querySelector('.name').dom.textContent)).toEqual(['鲍勃', '卡罗尔', '微信用户'])
  expect(rows.map((r) => r.querySelector('.avatar').data.src)).toEqual([
    'http://127.0.0.1:8080/media/avatars/b0b.png',
    'https://cdn.example.com/media/avatars/c0c.jpg',
    '/images/default-avatar.png',
  ])
})
