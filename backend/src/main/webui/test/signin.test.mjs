// Operators sign in as themselves: for each role, headless Chromium goes from /admin to the identity provider's own
// sign-in page (Keycloak, started by backend/console-test.sh with the realm deploy/local/keycloak/jiasu-realm.json),
// comes back signed in, and the console shows what the role may do and hides what it may not; the server refuses
// the rest (403). Then sign-out, and a console left idle signing itself out. Screenshots: SCREENSHOTS/signin-*.png.
import assert from 'node:assert/strict'
import { BASE, TOKEN, call, finish, launch, login, newContext, screenshot, step } from './harness.mjs'

const CID = `signin-${Date.now().toString(36)}`
const password = (user) => `${user}-local-only`

/** A live campaign with one winner who sent a claim, made with the admin token (as a script would). */
async function campaignWithAWinner() {
  const at = (minutes) => new Date(Date.now() + minutes * 60000).toISOString()
  const defined = await call('PUT', `/api/v1/admin/campaigns/${CID}`, TOKEN, {
    title: '登录测试', description: '各角色所见', startsAt: at(-60), endsAt: at(24 * 60), claimDeadline: at(8 * 24 * 60),
    goal: 1000, prizeTotal: 3, dailyHelpLimit: 5, published: true,
    schedule: [{ helpers: 5, amount: 200 }, { helpers: 10, amount: 100 }, { helpers: null, amount: 50 }],
  })
  assert.equal(defined.status, 200, JSON.stringify(defined.body))
  const token = await login(`winner-${CID}`)
  const shareCode = (await call('POST', `/api/v1/campaigns/${CID}/players`, token)).body.shareCode
  for (let i = 0; i < 5; i++) await call('POST', `/api/v1/campaigns/${CID}/players/${shareCode}/boosts`, await login(`f${i}-${CID}`))
  const claim = await call('PUT', `/api/v1/campaigns/${CID}/players/me/claim`, token, { name: '张三丰', phone: '13812345678', address: '北京市海淀区中关村大街1号' })
  assert.equal(claim.status, 200, JSON.stringify(claim.body))
  return shareCode
}

/** From /admin through Keycloak's own sign-in page and back; returns the page, signed in. */
async function signIn(browser, user, { clock = false } = {}) {
  const context = await newContext(browser)
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (err) => errors.push(String(err)))
  if (clock) await page.clock.install()
  await page.goto(BASE + '/admin/')
  await page.click('[data-sign-in=provider]')
  await page.locator('#username').waitFor()
  assert.match(new URL(page.url()).pathname, /\/realms\/jiasu\/protocol\/openid-connect\/auth$/)
  if (user === 'viewer') await screenshot(page, 'signin-01-keycloak')
  await page.fill('#username', user)
  await page.fill('#password', password(user))
  await page.click('#kc-login')
  await page.locator(`[data-who="${user}"]`).waitFor()
  return { page, context, errors }
}

/** The API as the signed-in console calls it: with the operator's own access token from this tab. */
const asConsole = (page, method, path) =>
  page.evaluate(async ([method, path]) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
    const token = JSON.parse(sessionStorage.getItem(key)).access_token
    const response = await fetch('/api/v1/admin' + path, { method, headers: { Authorization: `Bearer ${token}` } })
    return { status: response.status, body: await response.json().catch(() => null) }
  }, [method, path])

const browser = await launch()
let shareCode
try {
  await step('a campaign with a winner whose claim is in', async () => {
    shareCode = await campaignWithAWinner()
  })

  await step('a viewer sees the live numbers, no contact, no actions, and the server refuses a ban', async () => {
    const { page, context, errors } = await signIn(browser, 'viewer')
    assert.equal(await page.getAttribute('[data-who]', 'data-role'), 'viewer')
    assert.equal(await page.getByRole('link', { name: '新建活动' }).count(), 0)
    assert.equal(await page.getByRole('link', { name: '操作日志' }).count(), 0)
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/live`)
    await page.locator('[data-table=winners]').waitFor()
    await page.getByText('收件信息（仅运营可见）').waitFor()
    const winners = await page.textContent('[data-table=winners]')
    assert.ok(!winners.includes('张**') && !winners.includes('138'), winners)
    assert.equal(await page.locator('text=封禁').count(), 0)
    assert.equal(await page.locator('[data-download]').count(), 0)
    await screenshot(page, 'signin-02-viewer-live')
    const refused = await asConsole(page, 'POST', `/campaigns/${CID}/players/${shareCode}/ban`)
    assert.equal(refused.status, 403)
    assert.equal(refused.body.code, 'FORBIDDEN')
    assert.equal((await asConsole(page, 'GET', `/campaigns/${CID}/winners.csv`)).status, 403)
    assert.deepEqual((await asConsole(page, 'GET', '/whoami')).body, { name: 'viewer', roles: ['viewer'] })
    // the review queue: a viewer may look (when the API lets the role read it) but never decide
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/review`)
    await page.locator('[data-refused], [data-read-only]').first().waitFor()
    assert.equal(await page.locator('[data-approve], [data-reject]').count(), 0)
    await screenshot(page, 'signin-02b-viewer-review')
    assert.deepEqual(errors, [])
    await context.close()
  })

  await step('an operator sees masked contact, bans and unbans, but gets no CSV and no campaign editing', async () => {
    const { page, context, errors } = await signIn(browser, 'operator')
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/live`)
    await page.locator('[data-table=winners]').waitFor()
    assert.ok((await page.textContent('[data-table=winners]')).includes('张**'))
    assert.equal(await page.locator('[data-download]').count(), 0)
    assert.equal(await page.getByRole('link', { name: '编辑' }).count(), 0)
    await page.locator(`[data-table=leaderboard] tr[data-share-code="${shareCode}"] button:has-text("封禁")`).click()
    await page.click('dialog.confirm button:has-text("确认封禁")')
    await page.getByText(`已封禁`).waitFor()
    await screenshot(page, 'signin-03-operator-banned')
    await page.fill('input[name=banShareCode]', shareCode)
    await page.click('[data-unban]')
    await page.getByText(`已解封 ${shareCode}`).waitFor()
    await page.locator(`[data-table=leaderboard] tr[data-share-code="${shareCode}"]`).waitFor()
    await screenshot(page, 'signin-04-operator-unbanned')
    assert.equal((await asConsole(page, 'GET', `/campaigns/${CID}/winners.csv`)).status, 403)
    assert.equal((await asConsole(page, 'GET', '/audit')).status, 403)
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/review`)
    await page.locator('[data-policy]').waitFor()
    assert.equal(await page.locator('[data-read-only]').count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  await step('an admin edits, exports, and reads an audit log that names each operator from their sign-in', async () => {
    const { page, context, errors } = await signIn(browser, 'admin')
    await page.getByRole('link', { name: '新建活动' }).waitFor()
    await page.goto(`${BASE}/admin/#/campaigns/${CID}/live`)
    await page.locator('[data-download]').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download]')])
    assert.match(download.suggestedFilename(), /\.csv$/)
    await page.click('text=操作日志')
    await page.locator('[data-table=audit]').waitFor()
    const audit = await page.textContent('[data-table=audit]')
    for (const [who, what] of [['operator', '封禁玩家'], ['operator', '解封玩家'], ['admin', '导出获奖名单'], ['viewer', '查看领奖信息']]) {
      if (who === 'viewer') assert.ok(!audit.includes('viewer'), 'a viewer saw no claims, so no claim view is logged for them')
      else assert.ok(audit.includes(who) && audit.includes(what), `${who} ${what}`)
    }
    await screenshot(page, 'signin-05-admin-audit')
    assert.deepEqual(errors, [])
    await context.close()
  })

  await step('signing out ends the identity provider session too', async () => {
    const { page, context } = await signIn(browser, 'operator')
    await page.click('[data-sign-out]')
    await page.locator('[data-sign-in=provider]').waitFor()
    await page.click('[data-sign-in=provider]')
    await page.locator('#username').waitFor() // asked for a password again: no single sign-on session left
    await screenshot(page, 'signin-06-signed-out')
    await context.close()
  })

  await step('a console left idle for 30 minutes signs itself out', async () => {
    const { page, context } = await signIn(browser, 'viewer', { clock: true })
    await page.clock.fastForward('31:00')
    await page.getByText('长时间未操作，已自动退出').waitFor().catch(async (e) => {
      throw new Error(`no idle notice; the page shows: ${(await page.textContent('body')).slice(0, 300)}`, { cause: e })
    })
    await screenshot(page, 'signin-07-idle')
    await context.close()
  })
} finally {
  await browser.close()
}

finish()
