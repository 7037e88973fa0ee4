// The journey: the mini-program's own request/login layer (src/lib) against a running backend. Bob logs in,
// picks an avatar and a nickname, opens Alice's card in a group chat, helps her and joins through her card;
// friends help him to the goal, he wins and claims. It makes its own campaign through the admin API, so it runs
// on any backend. Needs JIASU_API_BASE and JIASU_ADMIN_TOKEN; JIASU_WECHAT_STUB (the WeChat stub's base URL)
// lets the stub stand in for wx.getShareInfo, and without it only the group-card step is skipped.
const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const zlib = require('zlib')
const { createNodeWx } = require('./node-wx')
const { createClient, TOKEN_KEY } = require('../../src/lib/client')
const { createApi } = require('../../src/lib/api')
const { createArrival } = require('../../src/lib/arrival')

const apiBase = (process.env.JIASU_API_BASE || '').replace(/\/$/, '')
const adminToken = process.env.JIASU_ADMIN_TOKEN || ''
const stubBase = (process.env.JIASU_WECHAT_STUB || '').replace(/\/$/, '')
if (!apiBase || !adminToken) {
  console.error('journey: set JIASU_API_BASE (e.g. http://127.0.0.1:8080) and JIASU_ADMIN_TOKEN (the backend\'s ADMIN_TOKEN)')
  process.exit(2)
}

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const cid = `journey-${run}`
const HOUR = 3600_000
// Helps 1-2 add 100 each, later ones 50: four friends take a player from 0 to the goal of 300.
const SCHEDULE = [{ helpers: 2, amount: 100 }, { helpers: null, amount: 50 }]

/** The WeChat stub's content-security word (local-stack's default `--risky-word`). */
const RISKY_WORD = '违禁词'

/** Scene 1044: a card opened in a group chat (it comes with a share ticket). */
const GROUP_CARD = 1044

/**
 * A phone of its own for each user: the stub logs code `<name>_<run>` in as that user. `opened` says how WeChat
 * opened the mini-program (scene, and a share ticket for a card in a group).
 */
function phone(name, opened = {}) {
  const wx = createNodeWx({ code: `${name}_${run}`, stubBase, ...opened })
  const client = createClient({ wx, apiBase, clientVersion: 'journey' })
  return { wx, api: createApi(client), arrival: createArrival({ wx, client }) }
}

/** A small PNG of one calm colour (the stub's media check calls near-pure-red risky), written to a temp file. */
function avatarFile(rgb) {
  const size = 64
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())])
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
  const file = path.join(os.tmpdir(), `jiasu-journey-avatar-${run}.png`)
  fs.writeFileSync(file, png)
  return file
}

async function admin(pathUnderAdmin) {
  const res = await fetch(`${apiBase}/api/v1/admin${pathUnderAdmin}`, { headers: { Authorization: `Bearer ${adminToken}` } })
  if (res.status !== 200) throw new Error(`admin GET ${pathUnderAdmin} answered ${res.status}: ${await res.text()}`)
  return res.json()
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
// Bob opens Alice's card in a group chat: scene 1044 with a share ticket, for the whole of his visit.
const bob = phone('bob', { scene: GROUP_CARD, shareTicket: `ticket-${run}`, openGId: `group-${run}` })
const friends = ['carol', 'dave', 'erin', 'frank'].map((name) => phone(name))
const [carol] = friends
const state = {}
const skipWithoutStub = { skipUnless: stubBase, why: 'JIASU_WECHAT_STUB is not set, so nothing stands in for wx.getShareInfo' }

const steps = [
  ['the admin API creates a live campaign', createCampaign],
  ['the campaign is public and LIVE with its schedule', async () => {
    const campaign = await alice.api.campaign(cid)
    assert.equal(campaign.status, 'LIVE')
    assert.deepEqual(campaign.schedule, SCHEDULE)
  }],
  ['alice picks her nickname and joins with nobody having brought her (201, then 200)', async () => {
    assert.equal((await alice.api.updateUser({ nickname: '爱丽丝' })).nickname, '爱丽丝')
    assert.equal((await alice.api.join(cid, await alice.arrival.body())).joined, true)
    assert.equal((await alice.api.join(cid)).joined, false)
    const me = await alice.api.me(cid)
    assert.equal(me.invitedBy, null)
    assert.equal(me.invited, 0)
    state.aliceCode = me.shareCode
  }],
  ['bob logs in with wx.login and gets a token', async () => {
    await bob.api.login()
    assert.ok(bob.wx.storage.get(TOKEN_KEY).token.length >= 16)
  }],
  ['bob picks an avatar: uploaded as the part "file", answered with a content-addressed avatarUrl that serves', async () => {
    const file = avatarFile([40, 110, 220])
    const user = await bob.api.uploadAvatar(file).finally(() => fs.rmSync(file, { force: true }))
    assert.match(user.avatarUrl, /\/media\/avatars\/[0-9a-f]{64}\.(png|jpg|jpeg)$/)
    state.bobAvatar = user.avatarUrl
    if (user.avatarUrl.startsWith(apiBase)) {
      const res = await fetch(user.avatarUrl)
      assert.equal(res.status, 200)
      assert.match(res.headers.get('content-type'), /^image\/(png|jpeg)/)
      assert.match(res.headers.get('cache-control'), /immutable/)
    }
  }],
  ['bob picks his nickname, and GET /me shows his face', async () => {
    assert.equal((await bob.api.updateUser({ nickname: '鲍勃' })).nickname, '鲍勃')
    const me = await bob.api.user()
    assert.deepEqual([me.nickname, me.avatarUrl], ['鲍勃', state.bobAvatar])
  }],
  ['a nickname with the stub\'s risky word is refused with CONTENT_RISKY and changes nothing', async () => {
    assert.equal(await refusal(bob.api.updateUser({ nickname: `鲍勃${RISKY_WORD}` })), 'CONTENT_RISKY')
    assert.equal((await bob.api.user()).nickname, '鲍勃')
  }],
  ['bob opens alice\'s card: the landing page shows her nickname', async () => {
    const view = await bob.api.player(cid, state.aliceCode)
    assert.equal(view.nickname, '爱丽丝')
    assert.equal(view.boostedByMe, false)
  }],
  ['bob helps alice from the group card, sending via, scene 1044 and what getShareInfo gave (if it could)', async () => {
    const arrival = await bob.arrival.body(state.aliceCode)
    assert.equal(arrival.via, state.aliceCode)
    assert.equal(arrival.scene, GROUP_CARD)
    assert.equal(Boolean(arrival.shareTicket), Boolean(stubBase))
    const result = await bob.api.boost(cid, state.aliceCode, `bob-helps-alice-${run}`, arrival)
    assert.equal(result.amount, 100)
  }],
  ['bob joins through alice\'s card: she is his inviter, and a later via changes nothing', async () => {
    assert.equal((await bob.api.join(cid, await bob.arrival.body(state.aliceCode))).joined, true)
    assert.equal((await bob.api.join(cid, { via: 'NOBODY00', scene: 1007 })).joined, false)
    const me = await bob.api.me(cid)
    assert.equal(me.invitedBy.shareCode, state.aliceCode)
    assert.equal(me.invitedBy.nickname, '爱丽丝')
    assert.equal(me.invited, 0)
    assert.equal((await alice.api.me(cid)).invited, 1)
    assert.equal(me.friendsNeeded, 4)
    state.shareCode = me.shareCode
  }],
  ['the group card is counted: one group, with bob\'s help and join', async () => {
    await eventually(async () => {
      const virality = await admin(`/campaigns/${encodeURIComponent(cid)}/virality`)
      assert.equal(virality.groups.distinct, 1)
      assert.equal(virality.groups.top[0].helps, 1)
      assert.equal(virality.groups.top[0].joins, 1)
      assert.equal(virality.invitedPlayers, 1)
    })
  }, skipWithoutStub],
  ['bob cannot help himself', async () => {
    assert.equal(await refusal(bob.api.boost(cid, state.shareCode, `self-${run}`)), 'SELF_BOOST')
  }],
  ['four friends open his card and help, by the published schedule', async () => {
    await carol.api.updateUser({ nickname: '卡罗尔' })
    const amounts = []
    for (const [i, friend] of friends.entries()) {
      const view = await friend.api.player(cid, state.shareCode)
      assert.equal(view.nickname, '鲍勃')
      assert.equal(view.avatarUrl, state.bobAvatar)
      state[`key${i}`] = `help-${run}-${i}`
      const result = await friend.api.boost(cid, state.shareCode, state[`key${i}`], await friend.arrival.body(state.shareCode))
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
    assert.deepEqual(await carol.api.boost(cid, state.shareCode, state.key0), state.firstHelp)
  }],
  ['a second help from the same friend is refused', async () => {
    assert.equal(await refusal(carol.api.boost(cid, state.shareCode, `again-${run}`)), 'ALREADY_BOOSTED')
  }],
  ['a help after the goal is refused', async () => {
    assert.equal(await refusal(phone('grace').api.boost(cid, state.shareCode, `late-${run}`)), 'GOAL_REACHED')
  }],
  ['bob sees his finish, his prize and his four helpers, carol by her nickname', async () => {
    const me = await bob.api.me(cid)
    assert.equal(me.progress, 300)
    assert.equal(me.friendsNeeded, 0)
    assert.equal(me.prizeRank, 1)
    assert.ok(me.finishedAt)
    const { boosts } = await bob.api.myBoosts(cid)
    assert.deepEqual(boosts.map((b) => b.amount), [50, 50, 100, 100])
    assert.equal(boosts[3].nickname, '卡罗尔')
  }],
  ['the leaderboard and the winners list show him first, with his face', async () => {
    await eventually(async () => {
      const { entries } = await bob.api.leaderboard(cid, 10)
      assert.deepEqual([entries[0].rank, entries[0].progress, entries[0].nickname, entries[0].avatarUrl], [1, 300, '鲍勃', state.bobAvatar])
      assert.deepEqual([entries[1].progress, entries[1].nickname], [100, '爱丽丝'])
    })
    const { winners } = await bob.api.winners(cid)
    assert.deepEqual(winners.map((w) => [w.rank, w.nickname, w.avatarUrl]), [[1, '鲍勃', state.bobAvatar]])
  }],
  ['a revoked token is renewed by one silent re-login', async () => {
    const logins = bob.wx.counts.login
    bob.wx.storage.set(TOKEN_KEY, { token: 'revoked-or-expired' })
    assert.equal((await bob.api.me(cid)).prizeRank, 1)
    assert.equal(bob.wx.counts.login, logins + 1)
  }],
  ['bob claims his prize and gets it back masked (personal data never comes back whole)', async () => {
    const claim = await bob.api.claim(cid, { name: '鲍勃', phone: '13800138000', address: '北京市海淀区中关村大街1号' })
    assert.match(claim.name, /^鲍\*+$/)
    assert.notEqual(claim.address, '北京市海淀区中关村大街1号')
    assert.notEqual(claim.phone, '13800138000')
    assert.match(claim.phone, /\*/)
    assert.equal((await bob.api.me(cid)).claimed, true)
  }],
  ['a player without a prize cannot claim', async () => {
    assert.equal(await refusal(alice.api.claim(cid, { name: '爱丽丝', phone: '13900139000', address: '上海市黄浦区南京东路1号' })), 'NOT_WINNER')
  }],
]

async function main() {
  console.log(`journey against ${apiBase}, campaign ${cid}`)
  let passed = 0
  let failed = 0
  let skipped = 0
  for (const [name, step, { skipUnless = true, why = '' } = {}] of steps) {
    if (failed > 0) {
      console.log(`- ${name} (not run)`)
      continue
    }
    if (!skipUnless) {
      skipped += 1
      console.log(`- ${name} (skipped: ${why})`)
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
  const notRun = steps.length - passed - failed - skipped
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${notRun ? `, ${notRun} not run` : ''}`)
  process.exit(failed > 0 ? 1 : 0)
}

main()
