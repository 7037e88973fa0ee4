// The journey: the mini-program's own request/login layer (src/lib) against a running backend, from login
// to join, friends helping, reaching the goal, winning and claiming. It makes its own campaign through the
// admin API, so it runs on any backend. Needs JIASU_API_BASE and JIASU_ADMIN_TOKEN.
const assert = require('node:assert/strict')
const { createNodeWx } = require('./node-wx')
const { createClient, TOKEN_KEY } = require('../../src/lib/client')
const { createApi } = require('../../src/lib/api')

const apiBase = (process.env.JIASU_API_BASE || '').replace(/\/$/, '')
const adminToken = process.env.JIASU_ADMIN_TOKEN || ''
if (!apiBase || !adminToken) {
  console.error('journey: set JIASU_API_BASE (e.g. http://127.0.0.1:8080) and JIASU_ADMIN_TOKEN (the backend\'s ADMIN_TOKEN)')
  process.exit(2)
}

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const cid = `journey-${run}`
const HOUR = 3600_000
// Helps 1-2 add 100 each, later ones 50: four friends take a player from 0 to the goal of 300.
const SCHEDULE = [{ helpers: 2, amount: 100 }, { helpers: null, amount: 50 }]

/** A phone of its own for each user: the stub logs code `<name>_<run>` in as that user. */
function phone(name) {
  const wx = createNodeWx({ code: `${name}_${run}` })
  return { wx, api: createApi(createClient({ wx, apiBase, clientVersion: 'journey' })) }
}

async function refusal(promise) {
  try {
    await promise
  } catch (err) {
    return err.code
  }
  return 'no refusal'
}

async function createCampaign() {
  const now = Date.now()
  const res = await fetch(`${apiBase}/api/v1/admin/campaigns/${cid}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: `旅程测试 ${run}`,
      description: 'journey test campaign',
      startsAt: new Date(now - HOUR).toISOString(),
      endsAt: new Date(now + 24 * HOUR).toISOString(),
      claimDeadline: new Date(now + 48 * HOUR).toISOString(),
      goal: 300,
      prizeTotal: 2,
      schedule: SCHEDULE,
      dailyHelpLimit: 5,
      published: true,
    }),
  })
  assert.ok(res.status === 200 || res.status === 201, `admin PUT answered ${res.status}: ${await res.text()}`)
}

/** Polls for up to 10 s: the leaderboard may be a few seconds stale (API.md). */
async function eventually(check) {
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      return await check()
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

const alice = phone('alice')
const friends = ['bob', 'carol', 'dave', 'erin'].map(phone)
const state = {}

const steps = [
  ['the admin API creates a live campaign', createCampaign],
  ['the campaign is public and LIVE with its schedule', async () => {
    const campaign = await alice.api.campaign(cid)
    assert.equal(campaign.status, 'LIVE')
    assert.deepEqual(campaign.schedule, SCHEDULE)
  }],
  ['alice logs in with wx.login and gets a token', async () => {
    await alice.api.login()
    assert.ok(alice.wx.storage.get(TOKEN_KEY).token.length >= 16)
  }],
  ['alice joins (201), and joining again is idempotent (200)', async () => {
    assert.equal((await alice.api.join(cid)).joined, true)
    assert.equal((await alice.api.join(cid)).joined, false)
    const me = await alice.api.me(cid)
    assert.equal(me.progress, 0)
    assert.equal(me.friendsNeeded, 4)
    state.shareCode = me.shareCode
  }],
  ['alice cannot help herself', async () => {
    assert.equal(await refusal(alice.api.boost(cid, state.shareCode, `self-${run}`)), 'SELF_BOOST')
  }],
  ['four friends open the card and help, by the published schedule', async () => {
    const amounts = []
    for (const [i, friend] of friends.entries()) {
      const view = await friend.api.player(cid, state.shareCode)
      assert.equal(view.boostedByMe, false)
      state[`key${i}`] = `help-${run}-${i}`
      const result = await friend.api.boost(cid, state.shareCode, state[`key${i}`])
      amounts.push(result.amount)
      if (i === 0) state.firstHelp = result
      if (i === friends.length - 1) state.lastHelp = result
    }
    assert.deepEqual(amounts, [100, 100, 50, 50])
    assert.equal(state.lastHelp.progress, 300)
    assert.equal(state.lastHelp.finished, true)
  }],
  ['the help that reached the goal won prize 1', async () => {
    assert.equal(state.lastHelp.prizeRank, 1)
  }],
  ['a retried help with the same Idempotency-Key answers as the first did', async () => {
    assert.deepEqual(await friends[0].api.boost(cid, state.shareCode, state.key0), state.firstHelp)
  }],
  ['a second help from the same friend is refused', async () => {
    assert.equal(await refusal(friends[0].api.boost(cid, state.shareCode, `again-${run}`)), 'ALREADY_BOOSTED')
  }],
  ['a help after the goal is refused', async () => {
    assert.equal(await refusal(phone('frank').api.boost(cid, state.shareCode, `late-${run}`)), 'GOAL_REACHED')
  }],
  ['alice sees her finish, her prize and her four helpers', async () => {
    const me = await alice.api.me(cid)
    assert.equal(me.progress, 300)
    assert.equal(me.friendsNeeded, 0)
    assert.equal(me.prizeRank, 1)
    assert.ok(me.finishedAt)
    const { boosts } = await alice.api.myBoosts(cid)
    assert.deepEqual(boosts.map((b) => b.amount), [50, 50, 100, 100])
  }],
  ['the leaderboard and the winners list show her first', async () => {
    await eventually(async () => {
      const { entries } = await alice.api.leaderboard(cid, 10)
      assert.equal(entries[0].progress, 300)
      assert.equal(entries[0].rank, 1)
    })
    const { winners } = await alice.api.winners(cid)
    assert.equal(winners.length, 1)
    assert.equal(winners[0].rank, 1)
  }],
  ['a revoked token is renewed by one silent re-login', async () => {
    const logins = alice.wx.counts.login
    alice.wx.storage.set(TOKEN_KEY, { token: 'revoked-or-expired' })
    assert.equal((await alice.api.me(cid)).prizeRank, 1)
    assert.equal(alice.wx.counts.login, logins + 1)
  }],
  ['alice claims her prize and gets it back masked (personal data never comes back whole)', async () => {
    const claim = await alice.api.claim(cid, { name: '爱丽丝', phone: '13800138000', address: '北京市海淀区中关村大街1号' })
    assert.match(claim.name, /^爱\*+$/)
    assert.notEqual(claim.address, '北京市海淀区中关村大街1号')
    assert.notEqual(claim.phone, '13800138000')
    assert.match(claim.phone, /\*/)
    assert.equal((await alice.api.me(cid)).claimed, true)
  }],
  ['a friend without a prize cannot claim', async () => {
    await friends[1].api.join(cid)
    assert.equal(await refusal(friends[1].api.claim(cid, { name: '鲍勃', phone: '13900139000', address: '上海市黄浦区南京东路1号' })), 'NOT_WINNER')
  }],
]

async function main() {
  console.log(`journey against ${apiBase}, campaign ${cid}`)
  let passed = 0
  let failed = 0
  for (const [name, step] of steps) {
    if (failed > 0) {
      console.log(`- ${name} (not run)`)
      continue
    }
    try {
      await step()
      passed += 1
      console.log(`✓ ${name}`)
    } catch (err) {
      failed += 1
      const why = err.name === 'ApiError' ? `the API answered ${err.status} ${err.code}: ${JSON.stringify(err.problem)}` : err.message
      console.log(`✗ ${name}\n    ${why.split('\n').join('\n    ')}`)
    }
  }
  const skipped = steps.length - passed - failed
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exit(failed > 0 ? 1 : 0)
}

main()
