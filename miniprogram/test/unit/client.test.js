const { createFakeWx, problem, API } = require('../helpers/fake-wx')
const { createClient, TOKEN_KEY } = require('../../src/lib/client')

const ME = 'GET /api/v1/me'
const session = (token) => ({ status: 201, body: { token, expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u1' } } })

function setUp(options) {
  const fake = createFakeWx(options)
  const client = createClient({ wx: fake.wx, apiBase: API, clientVersion: '1.2.3' })
  return { ...fake, client }
}

/** A backend that accepts only the token of the latest login. */
function rotatingSessions(fake) {
  let issued = 0
  fake.route('POST /api/v1/session', () => session(`token-${++issued}`))
  fake.route(ME, (req) => (req.header.Authorization === `Bearer token-${issued}` ? { status: 200, body: { id: 'u1' } } : problem(401, 'UNAUTHENTICATED')))
}

test('the first call logs in with the wx.login code and keeps the token in storage', async () => {
  const { client, route, sent, storage } = setUp({ codes: ['alice'] })
  route('POST /api/v1/session', session('token-a'))
  route(ME, { status: 200, body: { id: 'u1' } })

  await expect(client.request({ path: '/api/v1/me' })).resolves.toEqual({ status: 200, data: { id: 'u1' } })

  expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/v1/session', data: { code: 'alice' } })
  expect(sent[0].header.Authorization).toBeUndefined()
  expect(sent[1].header.Authorization).toBe('Bearer token-a')
  expect(storage.get(TOKEN_KEY).token).toBe('token-a')
})

test('a stored token is used without logging in', async () => {
  const { client, route, sent, storage, wx } = setUp()
  storage.set(TOKEN_KEY, { token: 'kept' })
  route(ME, { status: 200, body: {} })
  await client.request({ path: '/api/v1/me' })
  expect(wx.login).not.toHaveBeenCalled()
  expect(sent.map((r) => r.header.Authorization)).toEqual(['Bearer kept'])
})

test('every request carries the launch scene and the client version', async () => {
  const { client, route, sent } = setUp({ scene: 1044 })
  route('POST /api/v1/session', session('t'))
  route(ME, { status: 200, body: {} })
  route('GET /api/v1/campaigns/c1', { status: 200, body: {} })
  await client.request({ path: '/api/v1/me' })
  await client.request({ path: '/api/v1/campaigns/c1', auth: false })
  expect(sent).toHaveLength(3)
  sent.forEach((request) => {
    expect(request.header['X-WX-Scene']).toBe('1044')
    expect(request.header['X-Client-Version']).toBe('1.2.3')
  })
})

test('a 401 on an expired token logs in again silently and retries once', async () => {
  const { client, route, sent, storage, wx } = setUp()
  storage.set(TOKEN_KEY, { token: 'expired' })
  rotatingSessions({ route })

  await expect(client.request({ path: '/api/v1/me' })).resolves.toMatchObject({ status: 200 })

  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(sent.map((r) => `${r.method} ${r.path} ${r.header.Authorization || ''}`)).toEqual([
    'GET /api/v1/me Bearer expired',
    'POST /api/v1/session ',
    'GET /api/v1/me Bearer token-1',
  ])
})

test('many requests failing with 401 at once cause exactly one login', async () => {
  const { client, route, sent, storage, wx } = setUp()
  storage.set(TOKEN_KEY, { token: 'expired' })
  rotatingSessions({ route })

  const results = await Promise.all(Array.from({ length: 8 }, () => client.request({ path: '/api/v1/me' })))

  expect(results.every((r) => r.status === 200)).toBe(true)
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(sent.filter((r) => r.path === '/api/v1/session')).toHaveLength(1)
})

test('concurrent first requests share one login', async () => {
  const { client, route, sent, wx } = setUp()
  rotatingSessions({ route })
  await Promise.all([1, 2, 3].map(() => client.request({ path: '/api/v1/me' })))
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(sent.filter((r) => r.path === '/api/v1/me')).toHaveLength(3)
})

test('a second 401 after the re-login is an error, not a loop', async () => {
  const { client, route, wx } = setUp()
  route('POST /api/v1/session', session('t'))
  route(ME, problem(401, 'UNAUTHENTICATED'))
  await expect(client.request({ path: '/api/v1/me' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
  expect(wx.login).toHaveBeenCalledTimes(2)
})

test.each([
  [401, 'WX_CODE_INVALID'],
  [403, 'WX_RISK_USER'],
  [502, 'WX_UNAVAILABLE'],
])('a refused login (%i %s) fails the request with that code', async (status, code) => {
  const { client, route, storage } = setUp()
  route('POST /api/v1/session', problem(status, code))
  const err = await client.request({ path: '/api/v1/me' }).catch((e) => e)
  expect(err).toMatchObject({ name: 'ApiError', code, status })
  expect(storage.has(TOKEN_KEY)).toBe(false)
})

test('no answer at all is a retryable NETWORK error', async () => {
  const { client, route } = setUp()
  route('GET /api/v1/campaigns/c1', 'offline')
  const err = await client.request({ path: '/api/v1/campaigns/c1', auth: false }).catch((e) => e)
  expect(err).toMatchObject({ code: 'NETWORK', status: 0, retryable: true, message: '网络不给力，请检查网络后重试' })
})

test('an error page without a problem body still maps to a code by its status', async () => {
  const { client, route } = setUp()
  route('GET /api/v1/campaigns/c1', { status: 503, body: '<html>bad gateway</html>' })
  await expect(client.request({ path: '/api/v1/campaigns/c1', auth: false })).rejects.toMatchObject({ code: 'UNAVAILABLE', retryable: true })
})

test('downloads go through the same session and headers', async () => {
  const { client, route, sent, storage } = setUp({ scene: 1047 })
  storage.set(TOKEN_KEY, { token: 'expired' })
  rotatingSessions({ route })
  route('GET /code.png', (req) => (req.header.Authorization === 'Bearer token-1' ? { status: 200 } : problem(401, 'UNAUTHENTICATED')))
  await expect(client.download('/code.png')).resolves.toBe('wxfile://tmp/code.png')
  expect(sent.filter((r) => r.path === '/code.png').map((r) => r.header['X-WX-Scene'])).toEqual(['1047', '1047'])
})

test('an upload sends the file as the multipart part "file" with the session, and parses the answer', async () => {
  const { client, route, sent, storage } = setUp({ scene: 1044 })
  storage.set(TOKEN_KEY, { token: 'kept' })
  route('POST /api/v1/me/avatar', { status: 200, body: { id: 'u1', nickname: '爱丽丝', avatarUrl: '/media/avatars/ab.png' } })
  await expect(client.upload('/api/v1/me/avatar', 'wxfile://tmp/pick.jpg')).resolves.toEqual({
    status: 200,
    data: { id: 'u1', nickname: '爱丽丝', avatarUrl: '/media/avatars/ab.png' },
  })
  expect(sent[0].data).toEqual({ name: 'file', filePath: 'wxfile://tmp/pick.jpg' })
  expect(sent[0].header).toEqual({ Authorization: 'Bearer kept', 'X-WX-Scene': '1044', 'X-Client-Version': '1.2.3' })
})

test('an upload refused with 401 logs in once silently and is sent again', async () => {
  const { client, route, sent, storage, wx } = setUp()
  storage.set(TOKEN_KEY, { token: 'expired' })
  rotatingSessions({ route })
  route('POST /api/v1/me/avatar', (req) => (req.header.Authorization === 'Bearer token-1' ? { status: 200, body: { id: 'u1' } } : problem(401, 'UNAUTHENTICATED')))
  await expect(client.upload('/api/v1/me/avatar', 'wxfile://tmp/pick.jpg')).resolves.toMatchObject({ status: 200 })
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(sent.filter((r) => r.path === '/api/v1/me/avatar')).toHaveLength(2)
})

test.each([
  [413, 'PAYLOAD_TOO_LARGE'],
  [415, 'UNSUPPORTED_MEDIA_TYPE'],
  [422, 'VALIDATION_FAILED'],
])('an upload refused with %i fails with %s', async (status, code) => {
  const { client, route, storage } = setUp()
  storage.set(TOKEN_KEY, { token: 'kept' })
  route('POST /api/v1/me/avatar', problem(status, code))
  await expect(client.upload('/api/v1/me/avatar', 'wxfile://tmp/pick.jpg')).rejects.toMatchObject({ code, status })
})

test('a 415 without a problem body still reads as UNSUPPORTED_MEDIA_TYPE', async () => {
  const { client, route, storage } = setUp()
  storage.set(TOKEN_KEY, { token: 'kept' })
  route('POST /api/v1/me/avatar', { status: 415, body: '' })
  await expect(client.upload('/api/v1/me/avatar', 'wxfile://tmp/pick.gif')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' })
})
