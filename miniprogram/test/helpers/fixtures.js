// Named test data in the shapes of shared/API.md.
const { ASSET } = require('../../src/lib/assets')

const CID = 'run-2027'

function liveCampaign(overrides = {}) {
  return {
    id: CID,
    title: '加速奔向2027',
    description: '邀请好友帮你加速，前100名到达终点赢台历',
    startsAt: '2026-01-01T00:00:00Z',
    endsAt: '2027-12-31T00:00:00Z',
    claimDeadline: '2028-01-31T00:00:00Z',
    goal: 1000,
    prizeTotal: 100,
    prizeRemaining: 42,
    status: 'LIVE',
    schedule: [{ helpers: 5, amount: 200 }, { helpers: null, amount: 50 }],
    dailyHelpLimit: 10,
    ...overrides,
  }
}

function upcomingCampaign(startsInMs) {
  return liveCampaign({ status: 'UPCOMING', prizeRemaining: null, startsAt: new Date(Date.now() + startsInMs).toISOString() })
}

function alicesRun(overrides = {}) {
  return {
    shareCode: 'ALICE123',
    progress: 400,
    goal: 1000,
    helpers: 2,
    friendsNeeded: 3,
    finishedAt: null,
    prizeRank: null,
    claimed: false,
    rank: 7,
    ...overrides,
  }
}

function alicesPublicRun(overrides = {}) {
  return { shareCode: 'ALICE123', nickname: '爱丽丝', avatarUrl: '', progress: 400, goal: 1000, helpers: 2, finishedAt: null, boostedByMe: false, ...overrides }
}

const SESSION = { status: 201, body: { token: 'token-1', expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u1', nickname: '爱丽丝', avatarUrl: '' } } }

const MANIFEST = {
  status: 200,
  body: Object.fromEntries(Object.values(ASSET).map((name) => [name, `/a/${name.replace('.', '.0123456789ab.')}`])),
}

module.exports = { CID, liveCampaign, upcomingCampaign, alicesRun, alicesPublicRun, SESSION, MANIFEST }
