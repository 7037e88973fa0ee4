// Seeds a demo campaign with a few generations of players who have faces, so the console's Virality page has
// something to show on a fresh machine: 3 seed players from the article, each bringing 2-4 friends, three levels
// deep; friends help whoever brought them, some through a group card; passers-by (who never join) help a few
// players to the goal; one winner fills in the claim. Everything goes through the real API (avatars through
// POST /api/v1/me/avatar, nicknames through PUT /api/v1/me). Deterministic: the same tree every run; running it again
// on the same data changes nothing (joins are idempotent, repeated helps are refused).
//   node seed.mjs <app url> <admin token> <WeChat stub url> [campaign id, default demo]
import { jiasu } from './client.mjs'
import { face } from './faces.mjs'

const [base, adminToken, stub, cid = 'demo'] = process.argv.slice(2)
if (!base || !adminToken || !stub) {
  console.error('usage: node seed.mjs <app url> <admin token> <WeChat stub url> [campaign id]')
  process.exit(2)
}
const app = jiasu(base, { adminToken, stub })
const started = Date.now()

const NAMES = ['小明', '阿杰', '晓雯', '大伟', 'Lily', '子涵', '浩然', '一诺', '思远', '梓萱', '阿May', '俊杰', '雨桐',
  '老王', '可可', '嘉怡', 'Tony', '欣怡', '宇航', '若曦', '小鹿', '天天', '安琪', '阿豪', '诗涵', '明轩', '糖糖', '博文',
  '佳琪', '乐乐', '皓轩', '悠悠', 'Kevin', '晨曦', '小七', '一帆', '米粒', '思琪', '凯文', '朵朵', '阿宁', '星辰']
const GROUPS = ['demo-class-2019', 'demo-dorm-305', 'demo-family']
const ARTICLE = 1058
const SINGLE_CHAT = 1007
const GROUP_CARD = 1044
const POSTER = 1047
const FRIENDS = [[4, 3, 2], [3, 2, 3, 2], [2, 3, 2, 2]] // friends of each seed's children, by depth (roughly)

// A fixed pseudo-random sequence (mulberry32), so every run draws the same tree.
let state = 20260101
function random() {
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (list) => list[Math.floor(random() * list.length)]

/** Runs fn over items, at most `width` at a time. */
async function each(items, fn, width = 6) {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await fn(items[next++])
  }))
}

// The tree: who, by whom, how they arrived.
const players = []
function add(inviter, depth) {
  const n = players.length
  const scene = depth === 0 ? ARTICLE : random() < 0.35 ? GROUP_CARD : random() < 0.2 ? POSTER : SINGLE_CHAT
  const player = { n, code: `demo-player-${n}`, name: NAMES[n % NAMES.length], inviter, depth, scene, group: scene === GROUP_CARD ? pick(GROUPS) : null }
  players.push(player)
  return player
}
for (let s = 0; s < 3; s++) {
  const seed = add(null, 0)
  for (let a = 0; a < 2 + Math.floor(random() * 3); a++) {
    const child = add(seed, 1)
    const grandchildren = FRIENDS[s][a % FRIENDS[s].length] - 1
    for (let b = 0; b < grandchildren; b++) {
      const grandchild = add(child, 2)
      if (random() < 0.45) for (let c = 0; c < 1 + Math.floor(random() * 2); c++) add(grandchild, 3)
    }
  }
}

const origin = async (player) => ({
  via: player.inviter?.shareCode,
  scene: player.scene,
  ...(player.group ? { shareTicket: await app.shareTicket(player.code, player.group) } : {}),
})

// Generation by generation: sign in, put on a face and a nickname, join through the inviter's card, help the inviter.
let helps = 0
for (let depth = 0; depth <= 3; depth++) {
  await each(players.filter((p) => p.depth === depth), async (player) => {
    player.token = await app.login(player.code)
    await app.avatar(player.token, face(player.n))
    await app.nickname(player.token, player.name)
    player.shareCode = (await app.join(cid, player.token, await origin(player))).shareCode
    if (player.inviter) {
      const helped = await app.help(cid, player.token, player.inviter.shareCode, await origin(player))
      if (helped.status === 201) helps++
    }
  })
}

// Passers-by take the first two seeds and one friend to the goal (each passer-by helps at most 5 players a day).
const passersBy = Array.from({ length: 16 }, (_, i) => ({ code: `demo-passer-by-${i}`, scene: i % 3 ? SINGLE_CHAT : GROUP_CARD, group: i % 3 ? null : GROUPS[i % GROUPS.length] }))
await each(passersBy, async (p) => { p.token = await app.login(p.code) })
const finishers = [players[0], players.find((p) => p.depth === 0 && p !== players[0]), players.find((p) => p.depth === 1)]
const others = players.filter((p) => !finishers.includes(p))
await each(passersBy, async (p) => {
  const targets = [...finishers, pick(others), pick(others)]
  for (const target of targets) {
    const helped = await app.help(cid, p.token, target.shareCode, { via: target.shareCode, scene: p.scene, ...(p.group ? { shareTicket: await app.shareTicket(p.code, p.group) } : {}) })
    if (helped.status === 201) helps++
  }
})
await app.claim(cid, players[0].token, { name: '张小明', phone: '13800001111', address: '北京市海淀区颐和园路5号' })
  .catch((err) => console.error(`demo claim not filled in: ${err.message}`))

const v = await app.virality(cid)
console.log(`demo campaign "${cid}": ${v.players} players with faces over ${v.generations.length} generations, ${helps} helps, ` +
  `${v.funnel.finished} finished, k-factor ${v.kFactor.toFixed(2)} (${Date.now() - started} ms)`)
