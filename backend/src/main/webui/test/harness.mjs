// What the console's browser tests share: named steps that each pass or fail on their own, and headless Chromium.
import { chromium } from 'playwright-core'
import { mkdir } from 'node:fs/promises'
import { join as joinPath } from 'node:path'

export const BASE = process.env.APP_URL || 'http://127.0.0.1:18610'
export const TOKEN = process.env.ADMIN_TOKEN || 'console-test-token'
export const SHOTS = process.env.SCREENSHOTS || 'screenshots'
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'

const results = []

/** Runs one named step; a failure is reported with the top of its stack and the next step still runs. */
export async function step(name, body) {
  const started = Date.now()
  try {
    await body()
    results.push({ name, ok: true })
    console.log(`ok   ${name} (${Date.now() - started} ms)`)
  } catch (err) {
    results.push({ name, ok: false })
    console.log(`FAIL ${name}\n     ${String(err.stack || err).split('\n').slice(0, 6).join('\n     ')}`)
  }
}

export async function launch() {
  await mkdir(SHOTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--lang=zh-CN', '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

export const newContext = (browser) =>
  browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })

export const screenshot = (page, name) => page.screenshot({ path: joinPath(SHOTS, `${name}.png`), fullPage: true })

// The participants' side, through the public API (the WeChat stub logs in any code as that openid).
export async function call(method, path, token, body) {
  const response = await fetch(BASE + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
}
export const login = async (code) => (await call('POST', '/api/v1/session', null, { code })).body.token

/** Prints "N passed, N failed" last and exits with the verdict. */
export function finish() {
  const passed = results.filter((r) => r.ok).length
  console.log(`${passed} passed, ${results.length - passed} failed`)
  process.exit(passed === results.length ? 0 : 1)
}
