// Compiles the mini-program offline with the official miniprogram-ci, as the upload would, and checks that
// every page of app.json came out. miniprogram-ci wants a private key and reads the app's attributes from
// WeChat; a throwaway key and its default attributes keep it off the network.
const crypto = require('crypto')
const fs = require('fs')
const os = require('os')
const path = require('path')
const ci = require('miniprogram-ci')

const PROJECT = path.join(__dirname, '..')

/**
 * miniprogram-ci asks WeChat for its list of allowed file extensions and falls back to its built-in list
 * when that fails. Its requests go to a proxy on a closed local port (in miniprogram's range), so the
 * compile never reaches out of this machine.
 */
const NOWHERE = 'http://127.0.0.1:18199'

async function main() {
  ci.proxy(NOWHERE)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jiasu-ci-'))
  // miniprogram-ci leaves a cache folder named by a hash in the working directory: keep it in the temp folder.
  process.chdir(work)
  try {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 })
    const keyPath = path.join(work, 'dummy.key')
    fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }))

    const { appid } = JSON.parse(fs.readFileSync(path.join(PROJECT, 'project.config.json'), 'utf8'))
    const project = new ci.Project({ appid, type: 'miniProgram', projectPath: PROJECT, privateKeyPath: keyPath, ignores: ['node_modules/**/*', 'test/**/*', 'tools/**/*'] })
    project.attr = async () => ci.DefaultProjectAttr

    const compiled = await ci.getCompiledResult({ project, setting: { es6: true, minify: true }, onProgressUpdate: () => {} })

    const { pages } = JSON.parse(fs.readFileSync(path.join(PROJECT, 'src', 'app.json'), 'utf8'))
    const produced = Object.keys(compiled)
    const missing = pages.filter((page) => !produced.some((file) => file.includes(page)))
    console.log(`miniprogram-ci compiled ${produced.length} files: ${produced.slice(0, 8).join(', ')}${produced.length > 8 ? ', ...' : ''}`)
    if (missing.length > 0) throw new Error(`pages missing from the compiled package: ${missing.join(', ')}`)
    console.log(`miniprogram-ci: all ${pages.length} pages compiled`)
  } finally {
    process.chdir(PROJECT)
    fs.rmSync(work, { recursive: true, force: true })
  }
}

// miniprogram-ci leaves its worker and service handles open, so the script ends itself either way.
main().then(() => process.exit(0), (err) => {
  console.error('miniprogram-ci compile failed:', err && err.stack ? err.stack : err)
  process.exit(1)
})
