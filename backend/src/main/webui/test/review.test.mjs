// The review pages in headless Chromium against the running app (started by backend/console-test.sh): a campaign
// under the hold policy, a player whose sixth and seventh helps come from the same network as the first five (the
// `network` risk signal: all from loopback) and are held; the review queue lists them with their signals, the
// player's page shows every help with its helper, time, scene and state; an operator (the admin token) approves one,
// which counts with the next amount of the schedule, and rejects the other; the audit log names both decisions.
// Prints "N passed, N failed" last.
import assert from 'node:assert/strict'
import { BASE, TOKEN, call, finish, launch, login, newContext, screenshot, step } from './harness.mjs'

const RUN = Date.now().toString(36)
const CID = `review-${RUN}`
const admin = (method, path, body) => call(method, `/api/v1/admin${path}`, TOKEN, body)

const browser = await launch()
const page = await (await newContext(browser)).newPage()
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
const shot = (name) => screenshot(page, `review-${name}`)
let player
const held = []

try {
  await step('a campaign under the hold policy holds the helps its risk signals flag', async () => {
    const now = Date.now()
    const defined = await admin('PUT', `/campaigns/${CID}`, {
      title: '审核队列 · 浏览器测试', description: '暂扣待审', published: true, goal: 2000, prizeTotal: 3,
      startsAt: new Date(now - 3600000).toISOString(), endsAt: new Date(now + 86400000).toISOString(),
      claimDeadline: new Date(now + 2 * 86400000).toISOString(), dailyHelpLimit: 5,
      schedule: [{ helpers: 5, amount: 200 }, { helpers: null, amount: 100 }],
    })
    assert.equal(defined.status, 200, JSON.stringify(defined.body))
    const policy = await admin('PUT', `/campaigns/${CID}/risk-policy`, { policy: 'hold' })
    assert.equal(policy.status, 200, JSON.stringify(policy.body))

    player = { token: await login(`held-${RUN}`) }
    player.shareCode = (await call('POST', `/api/v1/campaigns/${CID}/players`, player.token)).body.shareCode
    for (let i = 0; i < 7; i++) {
      const helped = await call('POST', `/api/v1/campaigns/${CID}/players/${player.shareCode}/boosts`,
        await login(`farm-${RUN}-${i}`), { scene: 1044 })
      assert.equal(helped.status, 201, JSON.stringify(helped.body))
      if (helped.body.held) held.push(i)
    }
    assert.deepEqual(held, [5, 6], 'the sixth and seventh helps from one network are held')
  })

  await step('the review queue lists the held helps with their signals and the flagged player', async () => {
    await page.goto(BASE + '/admin')
    await page.fill('input[name=token]', TOKEN)
    await page.click('text=用令牌登录')
    await page.getByRole('link', { name: '新建活动' }).waitFor()
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/live`)
    await page.click('[data-review-queue]')
    await page.locator('[data-table=held]').waitFor()
    assert.equal(await page.textContent('[data-policy]'), '暂扣待审（hold）')
    assert.equal(await page.locator('[data-table=held] tbody tr').count(), 2)
    for (const row of await page.locator('[data-table=held] tbody tr').all()) {
      assert.equal(await row.getAttribute('data-share-code'), player.shareCode)
      assert.match(await row.locator('[data-signals]').getAttribute('data-signals'), /\bnetwork\b/)
      assert.match(await row.textContent(), /群聊卡片（带 shareTicket） 1044/)
      assert.equal(await row.locator('[data-approve]').count(), 1)
    }
    const flagged = page.locator(`[data-table=flagged] tr[data-share-code="${player.shareCode}"]`)
    assert.match(await flagged.textContent(), /同网段集中 × 2/)
    await shot('01-queue')
  })

  await step('the player page shows every help with its helper, time, scene, signals and state', async () => {
    await page.click(`[data-table=flagged] tr[data-share-code="${player.shareCode}"] a`)
    await page.locator('[data-table=helps]').waitFor()
    assert.equal(await page.locator('[data-table=helps] tbody tr[data-state=COUNTED]').count(), 5)
    assert.equal(await page.locator('[data-table=helps] tbody tr[data-state=HELD]').count(), 2)
    assert.match(await page.textContent('[data-stat=progress]'), /1000\s*\/\s*2000/)
    assert.match(await page.textContent('[data-table=helps] tbody tr[data-state=COUNTED]'), /已计入/)
    await shot('02-player')
  })

  await step('an operator approves one held help, which then counts, and rejects the other', async () => {
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/review`)
    await page.locator('[data-table=held] tbody tr').first().locator('[data-approve]').click()
    await page.getByRole('status').filter({ hasText: '已通过：加速 100，进度 1100' }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-table=held] tbody tr').length === 1)
    await page.locator('[data-table=held] tbody tr [data-reject]').click()
    await page.getByRole('status').filter({ hasText: '已驳回' }).waitFor()
    await page.locator('[data-empty=held]').waitFor()
    await shot('03-decided')
    const me = await call('GET', `/api/v1/campaigns/${CID}/players/me`, player.token)
    assert.equal(me.body.progress, 1100)
    assert.equal(me.body.helpers, 6)
  })

  await step('the audit log names both decisions', async () => {
    await page.goto(`${BASE}/admin/#/audit`)
    await page.locator('[data-table=audit]').waitFor()
    const text = await page.textContent('[data-table=audit]')
    assert.equal((text.match(/审核助力/g) || []).length >= 2, true, text.slice(0, 400))
  })

  await step('no script error on any page', async () => {
    assert.deepEqual(pageErrors, [])
  })
} finally {
  await browser.close()
  finish()
}
