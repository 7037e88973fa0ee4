const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('crypto')
const fs = require('fs')
const os = require('os')
const path = require('path')
const zlib = require('zlib')
const { build, ASSETS } = require('../build')

let out
let manifest

before(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'jiasu-cdn-build-'))
  manifest = build(out)
})

after(() => fs.rmSync(out, { recursive: true, force: true }))

const fileOf = (url) => path.join(out, url)

test('the manifest maps every logical asset to a content-hashed URL under /a/', () => {
  assert.deepEqual(Object.keys(manifest).sort(), Object.keys(ASSETS).sort())
  Object.entries(manifest).forEach(([name, url]) => {
    const ext = path.extname(name)
    assert.match(url, new RegExp(`^/a/${path.basename(name, ext)}\\.[0-9a-f]{12}\\${ext}$`))
    const hash = crypto.createHash('sha256').update(fs.readFileSync(fileOf(url))).digest('hex').slice(0, 12)
    assert.ok(url.includes(`.${hash}.`), `${url} is named for its content`)
  })
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')), manifest)
})

test('the PNGs are rendered at the sizes assets.json asks for', () => {
  Object.entries(ASSETS).filter(([name]) => name.endsWith('.png')).forEach(([name, { width }]) => {
    const png = fs.readFileSync(fileOf(manifest[name]))
    assert.equal(png.subarray(1, 4).toString(), 'PNG')
    assert.equal(png.readUInt32BE(16), width, `${name} width`)
  })
})

test('the share card is 5:4, as WeChat shows share images', () => {
  const png = fs.readFileSync(fileOf(manifest['share-card.png']))
  assert.equal(png.readUInt32BE(16) * 4, png.readUInt32BE(20) * 5)
})

test('the runner sprite holds four square frames side by side', () => {
  const png = fs.readFileSync(fileOf(manifest['runner-sprite.png']))
  assert.equal(png.readUInt32BE(16), 4 * png.readUInt32BE(20))
})

test('the .gz and .br copies decompress to the original, and exist only where they save space', () => {
  const files = [...Object.values(manifest).map(fileOf), path.join(out, 'manifest.json')]
  let copies = 0
  files.forEach((file) => {
    const original = fs.readFileSync(file)
    const decoders = { gz: zlib.gunzipSync, br: zlib.brotliDecompressSync }
    Object.entries(decoders).forEach(([ext, decode]) => {
      if (!fs.existsSync(`${file}.${ext}`)) return
      copies += 1
      const compressed = fs.readFileSync(`${file}.${ext}`)
      assert.ok(compressed.length < original.length * 0.9, `${file}.${ext} saves space`)
      assert.deepEqual(decode(compressed), original)
    })
  })
  // The SVGs and the manifest always compress well.
  assert.ok(fs.existsSync(`${path.join(out, 'manifest.json')}.br`))
  assert.ok(fs.existsSync(`${fileOf(manifest['icon-rank.svg'])}.gz`))
  assert.ok(copies >= 8)
})

test('building twice gives the same names, so unchanged assets stay cached on the CDN', () => {
  const again = fs.mkdtempSync(path.join(os.tmpdir(), 'jiasu-cdn-build-'))
  try {
    assert.deepEqual(build(again), manifest)
  } finally {
    fs.rmSync(again, { recursive: true, force: true })
  }
})

test('the build leaves nothing but the manifest and the hashed files', () => {
  const top = fs.readdirSync(out).sort()
  assert.deepEqual(top, ['a', 'manifest.json', 'manifest.json.br', 'manifest.json.gz'])
  fs.readdirSync(path.join(out, 'a')).forEach((file) => {
    assert.match(file, /^[a-z-]+\.[0-9a-f]{12}\.(png|svg)(\.gz|\.br)?$/)
  })
})
