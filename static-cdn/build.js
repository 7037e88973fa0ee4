// Builds the CDN tree from the vector sources: PNGs rendered at the sizes assets.json names, every file under
// a content-hashed name in a/, precompressed .gz and .br copies where they pay, and manifest.json mapping each
// logical name to its hashed URL. Usage: node build.js [outDir] (default dist/).
const crypto = require('crypto')
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const { Resvg } = require('@resvg/resvg-js')

const HERE = __dirname
const ASSETS = require('./assets.json')

/** Hex digits of the SHA-256 kept in a name: 48 bits, no collision among a campaign's few dozen files. */
const HASH_LENGTH = 12

/** A compressed copy is kept only if it saves at least this share (PNGs are already deflated and don't). */
const WORTHWHILE = 0.9

function render(svgFile, width) {
  const svg = fs.readFileSync(svgFile)
  // System fonts stay out: the sources draw no text, and the output must not depend on the machine.
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng()
}

function contentOf(name, { from, width }) {
  const source = path.join(HERE, from)
  if (name.endsWith('.png')) return render(source, width)
  return fs.readFileSync(source)
}

function hashedName(name, content) {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, HASH_LENGTH)
  const ext = path.extname(name)
  return `${path.basename(name, ext)}.${hash}${ext}`
}

/** Writes `file` and, where they pay, `file.gz` (gzip -9) and `file.br` (brotli quality 11). */
function writeWithCompressed(file, content) {
  fs.writeFileSync(file, content)
  const copies = {
    gz: zlib.gzipSync(content, { level: 9 }),
    br: zlib.brotliCompressSync(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
  }
  Object.entries(copies).forEach(([ext, compressed]) => {
    if (compressed.length < content.length * WORTHWHILE) fs.writeFileSync(`${file}.${ext}`, compressed)
  })
}

/** @returns {Record<string, string>} the manifest: logical name -> URL path on the CDN */
function build(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(path.join(outDir, 'a'), { recursive: true })
  const manifest = {}
  Object.keys(ASSETS).sort().forEach((name) => {
    const content = contentOf(name, ASSETS[name])
    const file = hashedName(name, content)
    writeWithCompressed(path.join(outDir, 'a', file), content)
    manifest[name] = `/a/${file}`
  })
  writeWithCompressed(path.join(outDir, 'manifest.json'), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
  return manifest
}

module.exports = { build, ASSETS }

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] || path.join(HERE, 'dist'))
  const manifest = build(outDir)
  Object.entries(manifest).forEach(([name, url]) => console.log(`${name} -> ${url}`))
  console.log(`built ${Object.keys(manifest).length} assets into ${outDir}`)
}
