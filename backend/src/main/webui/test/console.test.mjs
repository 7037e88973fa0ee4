// Drives the console in headless Chromium against the running app (started by backend/console-test.sh): sign in,
// create a campaign, watch a help arrive on the live page, download the winners CSV, approve a flagged claim, ban a
// player, read the audit log.
// Screenshots of every screen go to SCREENSHOTS. Prints "N passed, N failed" last.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { BASE, TOKEN, call, finish, launch, login, newContext, screenshot, step } from './harness.mjs'

const RUN = Date.now().toString(36)
const CID = `console-${RUN}`

const joinCampaign = async (token) => (await call('POST', `/api/v1/campaigns/${CID}/players`, token)).body.shareCode
const help = (token, shareCode) => call('POST', `/api/v1/campaigns/${CID}/players/${shareCode}/boosts`, token)

function zoned(offsetMinutes) {
  // a datetime-local value in Asia/Shanghai (UTC+8, no DST)
  return new Date(Date.now() + offsetMinutes * 60000 + 8 * 3600000).toISOString().slice(0, 16)
}

const browser = await launch()
const context = await newContext(browser)
const page = await context.newPage()
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
const shot = (name) => screenshot(page, name)
let runner
let cheat

try {
  await step('sign in refuses a wrong token and accepts the admin token', async () => {
    await page.goto(BASE + '/admin')
    await page.fill('input[name=token]', 'wrong-token')
    await page.click('text=用令牌登录')
    await page.getByText('管理令牌不正确').waitFor()
    await shot('01-sign-in-refused')
    await page.fill('input[name=token]', TOKEN)
    await page.click('text=用令牌登录')
    await page.getByRole('link', { name: '新建活动' }).waitFor()
    await shot('02-campaigns')
  })

  await step('the campaign form shows validation messages and previews the friends needed', async () => {
    await page.click('text=新建活动')
    await page.fill('input[name=id]', 'bad id!')
    await page.fill('input[name=startsAt]', zoned(60))
    await page.fill('input[name=endsAt]', zoned(-60))
    await page.click('button:has-text("保存")')
    assert.equal(await page.textContent('[data-field=id]'), '1–40 位字母、数字、- 或 _')
    assert.equal(await page.textContent('[data-field=title]'), '必填')
    assert.equal(await page.textContent('[data-field=endsAt]'), '须晚于开始时间')
    assert.equal(await page.textContent('[data-field=claimDeadline]'), '必填')
    // default schedule 5x200, 10x100, then 50: goal 2027 needs 5 + 10 + ceil(27/50) = 16 friends
    assert.equal(await page.textContent('[data-friends-needed]'), '16')
    await shot('03-editor-errors')

    await page.fill('input[name=id]', CID)
    await page.fill('input[name=title]', '加速奔向2027 · 浏览器测试')
    await page.fill('textarea[name=description]', '邀请好友帮你加速，前 3 名到达的同学获得台历。')
    await page.fill('input[name=startsAt]', zoned(-60))
    await page.fill('input[name=endsAt]', zoned(7 * 24 * 60))
    await page.fill('input[name=claimDeadline]', zoned(14 * 24 * 60))
    await page.fill('input[name=goal]', '1000')
    await page.fill('input[name=prizeTotal]', '3')
    await page.click('text=添加一档')
    assert.equal(await page.locator('[data-tier]').count(), 4)
    await page.locator('[data-tier="2"] button:has-text("删除")').click()
    await page.locator('[data-tier="1"] button:has-text("删除")').click()
    assert.equal(await page.locator('[data-tier]').count(), 2)
    assert.equal(await page.textContent('[data-friends-needed]'), '5')
    await page.check('input[name=published]')
    await shot('04-editor-valid')
    await page.click('button:has-text("保存")')
    await page.waitForURL(`**/admin/#/campaigns/${CID}/live`)
    await page.locator('[data-stat=players] .value').waitFor()
  })

  await step('a help shows up on the live page by itself', async () => {
    runner = { token: await login(`runner-${RUN}`) }
    runner.shareCode = await joinCampaign(runner.token)
    const helped = await help(await login(`friend-${RUN}-0`), runner.shareCode)
    assert.equal(helped.status, 201, JSON.stringify(helped.body))
    await page.waitForFunction(() => document.querySelector('[data-stat=boosts] .value')?.textContent.trim() === '1', null, { timeout: 15000 })
    assert.equal((await page.textContent('[data-stat=players] .value')).trim(), '1')
    await page.locator(`[data-table=leaderboard] tr[data-share-code="${runner.shareCode}"]`).waitFor()
    assert.match(await page.textContent(`[data-table=leaderboard] tr[data-share-code="${runner.shareCode}"]`), /200 \/ 1000/)
    await shot('05-live-first-help')
  })

  await step('winners appear with their claim status and the CSV downloads with guarded cells', async () => {
    for (let i = 1; i < 5; i++) assert.equal((await help(await login(`friend-${RUN}-${i}`), runner.shareCode)).status, 201)
    const claim = await call('PUT', `/api/v1/campaigns/${CID}/players/me/claim`, runner.token,
      { name: '=cmd|\' /C calc\'!A0', phone: '13812345678', address: '北京市海淀区中关村大街1号, "东门"' })
    assert.equal(claim.status, 200, JSON.stringify(claim.body))
    cheat = { token: await login(`cheat-${RUN}`) }
    cheat.shareCode = await joinCampaign(cheat.token)
    for (let i = 0; i < 5; i++) assert.equal((await help(await login(`sock-${RUN}-${i}`), cheat.shareCode)).status, 201)

    await page.waitForFunction((code) => document.querySelector(`[data-table=winners] tr[data-share-code="${code}"]`), cheat.shareCode, { timeout: 15000 })
    assert.match(await page.textContent(`[data-table=winners] tr[data-share-code="${runner.shareCode}"]`), /已填地址.*138\*\*\*\*5678/)
    assert.equal((await page.textContent('[data-stat=prizeRemaining] .value')).trim(), '1 / 3')
    await shot('06-live-winners')

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download]')])
    const bytes = await readFile(await download.path())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM')
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    assert.equal(lines[0], 'rank,nickname,finished_at,name,phone,address,claimed_at,status')
    assert.match(lines[1], /^1,微信用户,[^,]+,'=cmd\|' \/C calc'!A0,13812345678,"北京市海淀区中关村大街1号, ""东门""",[^,]+,claimed$/)
    assert.match(lines[2], /^2,微信用户,[^,]+,,,,,unclaimed$/)
    assert.equal(lines[3], '')
  })

  await step('a claim content security could not judge waits for review and an operator approves it', async () => {
    const slow = { token: await login(`slow-${RUN}`) }
    slow.shareCode = await joinCampaign(slow.token)
    for (let i = 0; i < 5; i++) assert.equal((await help(await login(`pal-${RUN}-${i}`), slow.shareCode)).status, 201)
    // the WeChat stub answers content security for this word only after 5 s; the app stops waiting after 2 s
    const claim = await call('PUT', `/api/v1/campaigns/${CID}/players/me/claim`, slow.token,
      { name: '王五', phone: '13912345678', address: '广州市天河区__slow__路8号' })
    assert.equal(claim.status, 200, JSON.stringify(claim.body))
    assert.equal(claim.body.review, 'PENDING')
    const row = page.locator(`[data-table=winners] tr[data-share-code="${slow.shareCode}"]`)
    await row.getByText('待人工审核').waitFor({ timeout: 15000 })
    await page.waitForFunction(() => document.querySelector('[data-stat=flaggedClaims] .value')?.textContent.trim() === '1')
    await shot('07-live-review')
    await row.locator('button:has-text("通过")').click()
    await row.getByText('已填地址').waitFor()
    await page.waitForFunction(() => document.querySelector('[data-stat=flaggedClaims] .value')?.textContent.trim() === '0')
  })

  await step('banning a player asks first, then revokes their prize and takes them off the board', async () => {
    await page.locator(`[data-table=leaderboard] tr[data-share-code="${cheat.shareCode}"] button:has-text("封禁")`).click()
    await page.locator('dialog.confirm').waitFor()
    await shot('08-ban-confirm')
    await page.click('dialog.confirm button:has-text("取消")')
    assert.equal(await page.locator('dialog.confirm').count(), 0)
    assert.equal((await call('GET', `/api/v1/campaigns/${CID}/players/me`, cheat.token)).status, 200, 'cancel bans nobody')

    await page.locator(`[data-table=leaderboard] tr[data-share-code="${cheat.shareCode}"] button:has-text("封禁")`).click()
    await page.click('dialog.confirm button:has-text("确认封禁")')
    await page.getByText(`已封禁`).waitFor()
    await page.waitForFunction((code) => !document.querySelector(`[data-table=leaderboard] tr[data-share-code="${code}"]`), cheat.shareCode)
    assert.match(await page.textContent(`[data-table=winners] tr[data-share-code="${cheat.shareCode}"]`), /已作废/)
    const refused = await call('GET', `/api/v1/campaigns/${CID}/players/me`, cheat.token)
    assert.equal(refused.status, 403)
    assert.equal(refused.body.code, 'FORBIDDEN')
    await shot('09-live-after-ban')
  })

  await step('the audit log names the token for the campaign, the export and the ban', async () => {
    await page.click('text=操作日志')
    await page.locator('[data-table=audit]').waitFor()
    const text = await page.textContent('[data-table=audit]')
    for (const action of ['保存活动', '导出获奖名单', '审核领奖信息', '封禁玩家']) assert.ok(text.includes(action), action)
    assert.ok(text.includes('token'), 'the admin token is audited as token')
    await shot('10-audit')
  })

  await step('the campaign list shows the new campaign with its counts', async () => {
    await page.click('nav >> text=活动')
    const row = page.locator(`tr[data-campaign="${CID}"]`)
    await row.waitFor()
    assert.match(await row.textContent(), /进行中/)
    await shot('11-campaigns-after')
    assert.deepEqual(pageErrors, [])
  })
} finally {
  await browser.close()
}

finish()
