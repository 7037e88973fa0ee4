// Drives the console in headless Chromium against the running app (started by backend/console-test.sh): sign in,
// create a campaign, watch a help arrive on the live page, download the winners CSV, approve a flagged claim, ban a
// player, read the audit log; then a small share tree seeded through the API on the Virality page.
// Screenshots of every screen go to SCREENSHOTS. Prints "N passed, N failed" last.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { jiasu } from '../demo/client.mjs'
import { face } from '../demo/faces.mjs'
import { BASE, TOKEN, call, finish, launch, login, newContext, screenshot, step } from './harness.mjs'

const RUN = Date.now().toString(36)
const CID = `console-${RUN}`
const VCID = `viral-${RUN}`
const STUB = process.env.WECHAT_STUB || 'http://127.0.0.1:18603'

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
    assert.equal(lines[0], 'rank,nickname,finished_at,name,phone,address,claimed_at,status,time_zone')
    assert.match(lines[1], /^1,微信用户,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,'=cmd\|' \/C calc'!A0,"13812345678\t","北京市海淀区中关村大街1号, ""东门""",[^,]+,claimed,Asia\/Shanghai$/)
    assert.match(lines[2], /^2,微信用户,[^,]+,,,,,unclaimed,Asia\/Shanghai$/)
    assert.equal(lines[3], '')
  })

  await step('the participants CSV lists every player with progress and, for an admin, the winner\'s contact', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download-players]')])
    assert.equal(download.suggestedFilename(), `参与者-${CID}.csv`)
    const bytes = await readFile(await download.path())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM')
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    assert.equal(lines[0], 'share_code,nickname,progress,goal,helpers,invited_by,depth,scene,joined_at,finished_at,prize_rank,banned,risky_helps,risk_signals,name,phone,address,time_zone')
    assert.equal(lines.length, 2 + 2, 'a header, the runner and the cheat, and the last CRLF')
    const mine = lines.find((line) => line.startsWith(runner.shareCode + ','))
    assert.match(mine, /^\w+,微信用户,1000,1000,5,,0,,[^,]+,[^,]+,1,false,0,,'=cmd\|' \/C calc'!A0,"13812345678\t",/)
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

  await step('the Virality page of a campaign nobody joined yet says so', async () => {
    const app = jiasu(BASE, { adminToken: TOKEN })
    await app.defineCampaign(VCID, {
      title: '传播测试', description: '两次助力到达。', startsAt: new Date(Date.now() - 3600000).toISOString(),
      endsAt: new Date(Date.now() + 7 * 86400000).toISOString(), claimDeadline: new Date(Date.now() + 14 * 86400000).toISOString(),
      goal: 400, prizeTotal: 2, schedule: [{ helpers: null, amount: 200 }], dailyHelpLimit: 5, published: true,
    })
    await page.goto(`${BASE}/admin/#/campaigns/${VCID}/live`)
    await page.click('a:has-text("传播分析")')
    await page.locator('[data-empty]').waitFor()
    assert.equal((await page.textContent('[data-stat=kFactor] .value')).trim(), '0.00')
    assert.equal((await page.textContent('[data-stat=p50] .value')).trim(), '—')
    assert.equal(await page.locator('[data-chart]').count(), 0)
    await shot('12-virality-empty')
  })

  await step('the Virality page draws the share tree and shows the numbers the API counts', async () => {
    const app = jiasu(BASE, { adminToken: TOKEN, stub: STUB })
    // two seeds; s1 brings a1, a2 and a3 (a3 from a group card); a1 brings b1 (same group), a3 brings b2 (another
    // group); b1 brings c1. a1 and a2 help s1 to the goal; b1 and h1 (who never joins) help a1 there; h2 helps b2.
    const people = {}
    for (const [i, name] of ['s1', 's2', 'a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'h1', 'h2'].entries()) {
      const code = `v-${RUN}-${name}`
      people[name] = { code, token: await app.login(code) }
      if (!name.startsWith('h')) await app.nickname(people[name].token, `玩家${name.toUpperCase()}`)
      if (['s1', 'a1', 'b1'].includes(name)) await app.avatar(people[name].token, face(i))
    }
    const groups = { G1: `group-${RUN}-1`, G2: `group-${RUN}-2` }
    const origin = async (who, via, scene, group) =>
      ({ via: via && people[via].shareCode, scene, ...(group ? { shareTicket: await app.shareTicket(people[who].code, groups[group]) } : {}) })
    const joins = [['s1', null, 1058], ['s2', null, 1001], ['a1', 's1', 1007], ['a2', 's1', 1007], ['a3', 's1', 1044, 'G1'],
      ['b1', 'a1', 1044, 'G1'], ['b2', 'a3', 1044, 'G2'], ['c1', 'b1', 1007]]
    for (const [who, via, scene, group] of joins) {
      people[who].shareCode = (await app.join(VCID, people[who].token, await origin(who, via, scene, group))).shareCode
    }
    for (const [who, whom, scene, group] of [['a1', 's1', 1007], ['a2', 's1', 1007], ['b1', 'a1', 1044, 'G1'], ['h1', 'a1', 1007], ['h2', 'b2', 1008]]) {
      const helped = await app.help(VCID, people[who].token, people[whom].shareCode, await origin(who, whom, scene, group))
      assert.equal(helped.status, 201, JSON.stringify(helped.body))
    }
    await app.claim(VCID, people.s1.token, { name: '张三', phone: '13812345678', address: '北京市海淀区中关村大街1号' })

    const v = await app.virality(VCID)
    assert.deepEqual([v.players, v.seedPlayers, v.invitedPlayers, v.kFactor], [8, 2, 6, 0.75])
    assert.deepEqual(v.generations, [{ depth: 0, players: 2 }, { depth: 1, players: 3 }, { depth: 2, players: 2 }, { depth: 3, players: 1 }])
    assert.deepEqual(v.funnel, { helpers: 5, helpersWhoJoined: 3, players: 8, playersHelped: 3, finished: 2, winners: 2, claimed: 1 })
    assert.equal(v.groups.distinct, 2)

    await page.click('[data-refresh]')
    await page.waitForFunction(() => document.querySelector('[data-stat=kFactor] .value')?.textContent.trim() === '0.75')
    const text = async (selector) => (await page.textContent(selector)).trim()
    assert.equal(await text('[data-stat=players] .value'), String(v.players))
    assert.equal(await text('[data-stat=seedPlayers] .value'), String(v.seedPlayers))
    assert.equal(await text('[data-stat=invitedPlayers] .value'), String(v.invitedPlayers))
    assert.equal(await text('[data-stat=groups] .value'), String(v.groups.distinct))
    assert.match(await text('[data-stat=p50] .value'), /秒|分|小时|天/)
    for (const g of v.generations) assert.equal(await text(`[data-generation="${g.depth}"] b`), String(g.players))
    for (const [step, count] of Object.entries(v.funnel)) assert.equal(await text(`[data-funnel=${step}] .value`), String(count), step)
    assert.equal(await page.locator('[data-table=groups] tbody tr').count(), 2)

    for (const chart of ['tree', 'generations', 'scenes']) await page.locator(`[data-chart=${chart}][data-rendered]`).waitFor()
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector('[data-chart=tree] canvas')
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
      let count = 0
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++
      return count
    })
    assert.ok(painted > 2000, `the tree canvas shows the tree (${painted} pixels painted)`)
    await shot('13-virality')
    assert.deepEqual(pageErrors, [])
  })
} finally {
  await browser.close()
}

finish()
