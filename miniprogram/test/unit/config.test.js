const { currentConfig, ENVIRONMENTS } = require('../../src/lib/config')
const { ASSET, createAssets } = require('../../src/lib/assets')
const { createFakeWx } = require('../helpers/fake-wx')

const wxIn = (miniProgram) => ({ getAccountInfoSync: () => ({ miniProgram }) })

test.each(['develop', 'trial', 'release'])('the %s build talks to its own API and CDN', (envVersion) => {
  const config = currentConfig(wxIn({ envVersion, version: '2.0.1' }))
  expect(config).toEqual({ envVersion, ...ENVIRONMENTS[envVersion], clientVersion: '2.0.1' })
})

test('production hosts are HTTPS, as WeChat requires outside develop', () => {
  ['trial', 'release'].forEach((env) => {
    expect(ENVIRONMENTS[env].apiBase).toMatch(/^https:\/\//)
    expect(ENVIRONMENTS[env].cdnBase).toMatch(/^https:\/\//)
  })
})

test('a build WeChat gives no version falls back to the committed one, and an unknown env to release', () => {
  expect(currentConfig(wxIn({ envVersion: 'develop', version: '' })).clientVersion).toBe('1.0.0')
  expect(currentConfig(wxIn({ envVersion: 'preview' })).envVersion).toBe('release')
  expect(currentConfig({}).envVersion).toBe('release')
})

test('asset URLs come from the manifest, which is loaded once', async () => {
  const { wx, route, sent } = createFakeWx()
  route('GET https://cdn.test/manifest.json', { status: 200, body: { 'share-card.png': '/a/share-card.abc.png' } })
  const assets = createAssets(wx, 'https://cdn.test', { 'X-WX-Scene': '1047', 'X-Client-Version': '1.0.0' })
  await expect(assets.url('share-card.png')).resolves.toBe('https://cdn.test/a/share-card.abc.png')
  await expect(assets.url('share-card.png')).resolves.toBe('https://cdn.test/a/share-card.abc.png')
  await expect(assets.url('nope.png')).rejects.toThrow('nope.png')
  expect(sent).toHaveLength(1)
  expect(sent[0].header).toEqual({ 'X-WX-Scene': '1047', 'X-Client-Version': '1.0.0' })
})

test('a failed manifest load is tried again on the next call', async () => {
  const { wx, route, sent } = createFakeWx()
  let up = false
  route('GET https://cdn.test/manifest.json', () => (up ? { status: 200, body: { 'a.png': '/a/a.1.png' } } : 'offline'))
  const assets = createAssets(wx, 'https://cdn.test', {})
  await expect(assets.url('a.png')).rejects.toThrow()
  up = true
  await expect(assets.url('a.png')).resolves.toBe('https://cdn.test/a/a.1.png')
  expect(sent).toHaveLength(2)
})

test('every asset the pages use is one static-cdn builds', () => {
  const built = require('../../../static-cdn/assets.json')
  Object.values(ASSET).forEach((name) => expect(Object.keys(built)).toContain(name))
})
