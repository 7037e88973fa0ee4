// The origin config with a real nginx: the headers a CDN needs, encodings negotiated, revalidation, and
// nothing served beyond the built files.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('crypto')
const fs = require('fs')
const http = require('http')
const os = require('os')
const path = require('path')
const { build } = require('../build')
const { startOrigin } = require('../origin')

/** The tests' own port, apart from `npm run serve` (18180), within static-cdn's range. */
const PORT = 18181

let out
let manifest
let origin
let app

/** An avatar as the app serves it (API.md): content-addressed, immutable, a strong ETag, 304 on a match. */
const AVATAR = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const AVATAR_NAME = crypto.createHash('sha256').update(AVATAR).digest('hex')
const AVATAR_PATH = `/media/avatars/${AVATAR_NAME}.png`

/** Stands in for the app behind the origin's /media/: serves one avatar and remembers every request it saw. */
function startMediaApp() {
  const seen = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers })
    if (req.url !== AVATAR_PATH) {
      res.writeHead(404, { 'Content-Type': 'application/problem+json' })
      res.end('{"status":404,"code":"NOT_FOUND"}')
      return
    }
    const headers = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: `"${AVATAR_NAME}"` }
    if (req.headers['if-none-match'] === headers.ETag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'image/png', 'Set-Cookie': 'session=should-not-pass' })
    res.end(AVATAR)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, port: server.address().port })))
}

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'jiasu-cdn-served-'))
  fs.chmodSync(out, 0o755)
  manifest = build(out)
  app = await startMediaApp()
  origin = await startOrigin({ root: out, port: PORT, mediaOrigin: `127.0.0.1:${app.port}` })
})

after(async () => {
  if (origin) await origin.stop()
  if (app) await new Promise((resolve) => app.server.close(resolve))
  fs.rmSync(out, { recursive: true, force: true })
})

/** A raw request (no automatic decompression), so the test sees exactly what nginx sent. */
function get(urlPath, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path: urlPath, method, headers }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

const disk = (urlPath) => fs.readFileSync(path.join(out, urlPath))

test('a hashed asset is served as is, immutable for a year, with its type and CORS', async () => {
  const url = manifest['share-card.png']
  const res = await get(url)
  assert.equal(res.status, 200)
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.equal(res.headers['content-type'], 'image/png')
  assert.equal(res.headers['access-control-allow-origin'], '*')
  assert.equal(res.headers['content-encoding'], undefined)
  assert.ok(res.headers.etag)
  assert.deepEqual(res.body, disk(url))
})

test('gzip is negotiated from the precompressed copy, with Vary for the CDN cache', async () => {
  const url = manifest['icon-trophy.svg']
  const res = await get(url, { 'Accept-Encoding': 'gzip' })
  assert.equal(res.status, 200)
  assert.equal(res.headers['content-encoding'], 'gzip')
  assert.equal(res.headers['content-type'], 'image/svg+xml; charset=utf-8')
  assert.match(res.headers.vary, /Accept-Encoding/)
  assert.deepEqual(res.body, disk(`${url}.gz`))
})

test('brotli is preferred when the client accepts it', async () => {
  const url = manifest['icon-trophy.svg']
  const res = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' })
  assert.equal(res.headers['content-encoding'], 'br')
  assert.deepEqual(res.body, disk(`${url}.br`))
})

test('a client that accepts no encoding gets the plain file', async () => {
  const url = manifest['icon-trophy.svg']
  const res = await get(url)
  assert.equal(res.headers['content-encoding'], undefined)
  assert.deepEqual(res.body, disk(url))
})

test('revalidation answers 304 by ETag and by date', async () => {
  const url = manifest['flag.png']
  const first = await get(url)
  const byTag = await get(url, { 'If-None-Match': first.headers.etag })
  assert.equal(byTag.status, 304)
  assert.equal(byTag.body.length, 0)
  const byDate = await get(url, { 'If-Modified-Since': first.headers['last-modified'] })
  assert.equal(byDate.status, 304)
  const changed = await get(url, { 'If-None-Match': '"something-else"' })
  assert.equal(changed.status, 200)
})

test('the manifest is short-lived JSON that revalidates with 304', async () => {
  const res = await get('/manifest.json', { 'Accept-Encoding': 'gzip' })
  assert.equal(res.status, 200)
  assert.equal(res.headers['cache-control'], 'public, max-age=60, must-revalidate')
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  assert.equal(res.headers['access-control-allow-origin'], '*')
  assert.equal(res.headers['content-encoding'], 'gzip')
  const again = await get('/manifest.json', { 'Accept-Encoding': 'gzip', 'If-None-Match': res.headers.etag })
  assert.equal(again.status, 304)
})

test('unknown paths are 404, with no caching headers', async () => {
  const paths = ['/', '/a/', '/a/share-card.png', '/a/unknown.0123456789ab.png', `${manifest['icon-rank.svg']}.gz`,
    `${manifest['icon-rank.svg']}.br`, '/manifest.json.gz', '/index.html', '/build.js', '/api/v1/campaigns/x']
  for (const urlPath of paths) {
    const res = await get(urlPath)
    assert.equal(res.status, 404, urlPath)
    assert.equal(res.headers['cache-control'], undefined, urlPath)
  }
})

test('an avatar is pulled from the app with its own immutable headers, anonymously', async () => {
  const before = app.seen.length
  const res = await get(AVATAR_PATH, { Authorization: 'Bearer someones-token', Cookie: 'a=b' })
  assert.equal(res.status, 200)
  assert.deepEqual(res.body, AVATAR)
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.equal(res.headers.etag, `"${AVATAR_NAME}"`)
  assert.equal(res.headers['content-type'], 'image/png')
  assert.equal(res.headers['set-cookie'], undefined)
  const pulled = app.seen.slice(before)
  assert.equal(pulled.length, 1)
  assert.equal(pulled[0].url, AVATAR_PATH)
  assert.equal(pulled[0].headers.authorization, undefined)
  assert.equal(pulled[0].headers.cookie, undefined)
})

test('an avatar revalidates with 304 through the origin; an unknown one is the app\'s 404', async () => {
  const again = await get(AVATAR_PATH, { 'If-None-Match': `"${AVATAR_NAME}"` })
  assert.equal(again.status, 304)
  assert.equal(again.body.length, 0)
  const unknown = await get(`/media/avatars/${'0'.repeat(64)}.png`)
  assert.equal(unknown.status, 404)
  assert.equal(unknown.headers['content-type'], 'application/problem+json')
  assert.equal(unknown.headers['cache-control'], undefined)
})

test('media is read-only through the origin', async () => {
  const before = app.seen.length
  assert.equal((await get(AVATAR_PATH, {}, 'POST')).status, 403)
  assert.equal((await get(AVATAR_PATH, {}, 'DELETE')).status, 403)
  assert.equal((await get(AVATAR_PATH, {}, 'HEAD')).status, 200)
  assert.deepEqual(app.seen.slice(before).map((request) => request.method), ['HEAD'])
})

test('paths climbing out of the root are refused', async () => {
  assert.equal((await get('/../package.json')).status, 400)
  assert.equal((await get('/a/../../package.json')).status, 400)
  assert.equal((await get('/a/%2e%2e/build.js')).status, 404)
})

test('only GET and HEAD are served', async () => {
  assert.equal((await get('/manifest.json', {}, 'HEAD')).status, 200)
  assert.equal((await get('/manifest.json', {}, 'POST')).status, 403)
  assert.equal((await get(manifest['flag.png'], {}, 'DELETE')).status, 403)
})

test('every request is logged in the shared JSON access log format', async () => {
  await get('/manifest.json', { 'X-WX-Scene': '1044', 'X-Client-Version': '1.0.0' })
  const lines = fs.readFileSync(path.join(origin.prefix, 'access.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line))
  const last = lines[lines.length - 1]
  assert.equal(last.uri, '/manifest.json')
  assert.equal(last.wx_scene, '1044')
  assert.equal(last.client_version, '1.0.0')
})
