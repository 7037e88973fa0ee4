const { createFakeWx, API, GROUP_INFO } = require('../helpers/fake-wx')
const { createClient, TOKEN_KEY } = require('../../src/lib/client')
const { createArrival, VIA_KEY } = require('../../src/lib/arrival')
const { SESSION } = require('../helpers/fixtures')

function setUp(options, { loggedIn = true, timeoutMs } = {}) {
  const fake = createFakeWx(options)
  fake.route('POST /api/v1/session', SESSION)
  if (loggedIn) fake.storage.set(TOKEN_KEY, { token: 'kept' })
  const client = createClient({ wx: fake.wx, apiBase: API, clientVersion: '1.0.0' })
  return { ...fake, arrival: createArrival({ wx: fake.wx, client, timeoutMs }) }
}

test('a card opened in a single chat sends the share code and the scene, and asks WeChat for no group', async () => {
  const { arrival, wx } = setUp({ scene: 1007 })
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1007 })
  expect(wx.getShareInfo).not.toHaveBeenCalled()
  expect(wx.getGroupEnterInfo).not.toHaveBeenCalled()
})

test('a poster scan sends its scene; with nothing that brought the user, only the scene goes', async () => {
  const { arrival } = setUp({ scene: 1047 })
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1047 })
  await expect(arrival.body()).resolves.toEqual({ scene: 1047 })
})

test('a group card on a base library without getGroupEnterInfo sends what wx.getShareInfo gave for its ticket', async () => {
  const { arrival, wx } = setUp({ scene: 1044, shareTicket: 'ticket-1' })
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1044, shareTicket: GROUP_INFO })
  expect(wx.getShareInfo).toHaveBeenCalledWith(expect.objectContaining({ shareTicket: 'ticket-1' }))
  expect(wx.getGroupEnterInfo).not.toHaveBeenCalled()
})

test('where the base library has wx.getGroupEnterInfo, it is used instead of getShareInfo', async () => {
  const { arrival, wx } = setUp({ scene: 1044, shareTicket: 'ticket-1', canIUse: ['getGroupEnterInfo'], groupInfo: (api) => ({ encryptedData: `by-${api}`, iv: 'iv-2', cloudID: 'c' }) })
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1044, shareTicket: { encryptedData: 'by-getGroupEnterInfo', iv: 'iv-2' } })
  expect(wx.canIUse).toHaveBeenCalledWith('getGroupEnterInfo')
  expect(wx.getShareInfo).not.toHaveBeenCalled()
})

test.each([
  ['fails', 'fail'],
  ['answers without encrypted data', {}],
  ['never answers', 'hang'],
])('when getShareInfo %s, the body goes without the group', async (how, result) => {
  const { arrival, wx } = setUp({ scene: 1044, shareTicket: 'ticket-1', groupInfo: () => result }, { timeoutMs: 50 })
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1044 })
  expect(wx.getShareInfo).toHaveBeenCalledTimes(1)
})

test('a first-time user logs in before the share info is asked for (WeChat encrypts it with that session key)', async () => {
  const { arrival, calls } = setUp({ scene: 1044, shareTicket: 'ticket-1' }, { loggedIn: false })
  await expect(arrival.body('ALICE123')).resolves.toMatchObject({ shareTicket: GROUP_INFO })
  expect(calls).toEqual(['login', 'checkSession', 'getShareInfo'])
})

test('an expired WeChat session is renewed by a fresh login before the share info is asked for', async () => {
  const { arrival, calls, storage } = setUp({ scene: 1044, shareTicket: 'ticket-1', sessionFresh: false })
  await expect(arrival.body('ALICE123')).resolves.toMatchObject({ shareTicket: GROUP_INFO })
  expect(calls).toEqual(['checkSession', 'login', 'getShareInfo'])
  expect(storage.get(TOKEN_KEY).token).toBe('token-1')
})

test('a warm start from a card reports that entry’s scene, not the launch’s', async () => {
  const { arrival } = setUp({ scene: 1001, enterScene: 1007 })
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1007 })
})

test('without getEnterOptionsSync (old base library) the launch options are used', async () => {
  const { arrival, wx } = setUp({ scene: 1044, shareTicket: 'ticket-1' })
  delete wx.getEnterOptionsSync
  await expect(arrival.body('ALICE123')).resolves.toEqual({ via: 'ALICE123', scene: 1044, shareTicket: GROUP_INFO })
})

test('the first share code that brought a user to a campaign is kept until they join', () => {
  const { arrival, storage } = setUp()
  arrival.remember('c1', 'ALICE123')
  arrival.remember('c1', 'BOB456')
  arrival.remember('c1', undefined)
  arrival.remember('c2', 'CAROL789')
  expect(arrival.remembered('c1')).toBe('ALICE123')
  expect(arrival.remembered('c2')).toBe('CAROL789')
  arrival.forget('c1')
  expect(arrival.remembered('c1')).toBe('')
  expect(storage.has(`${VIA_KEY}c1`)).toBe(false)
})
