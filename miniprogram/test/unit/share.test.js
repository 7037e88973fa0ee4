const { shareMessage, forwardTitle, runFromQuery, enableShareMenu } = require('../../src/lib/share')

test('a share card opens the landing page of this run with the CDN image', () => {
  expect(shareMessage({ cid: 'run-2027', shareCode: 'AB12', friendsNeeded: 3, imageUrl: 'https://cdn/a/share-card.1.png' })).toEqual({
    title: '我还差3位好友就到终点了，快来帮我加速！',
    path: '/pages/landing/landing?cid=run-2027&code=AB12',
    imageUrl: 'https://cdn/a/share-card.1.png',
  })
})

test('without a count or image the card still carries the path', () => {
  const message = shareMessage({ cid: 'c 1', shareCode: 'A&B', friendsNeeded: 0 })
  expect(message).toEqual({ title: '我正在加速奔向终点，快来帮我加速！', path: '/pages/landing/landing?cid=c%201&code=A%26B' })
})

test('a player who picked a nickname is named on their card, so a card passed on still says whose run it is', () => {
  const run = { cid: 'run-2027', shareCode: 'AB12', nickname: ' 爱丽丝 ' }
  expect(shareMessage({ ...run, friendsNeeded: 3 }).title).toBe('爱丽丝还差3位好友就到终点了，快来帮TA加速！')
  expect(shareMessage({ ...run, friendsNeeded: 0 }).title).toBe('爱丽丝正在加速奔向终点，快来帮TA加速！')
})

test('WeChat’s placeholder nickname never reaches a card title', () => {
  expect(shareMessage({ cid: 'c', shareCode: 'A', friendsNeeded: 2, nickname: '微信用户' }).title).toBe('我还差2位好友就到终点了，快来帮我加速！')
  expect(forwardTitle('微信用户')).toBe('快来帮TA加速！')
  expect(forwardTitle(null)).toBe('快来帮TA加速！')
  expect(forwardTitle('爱丽丝')).toBe('快来帮爱丽丝加速！')
})

test('the share menu asks for share tickets so group shares are told apart', () => {
  const wx = { showShareMenu: jest.fn() }
  enableShareMenu(wx)
  expect(wx.showShareMenu).toHaveBeenCalledWith(expect.objectContaining({ withShareTicket: true }))
})

test.each([
  [{ cid: 'run-2027', code: 'AB12' }, { cid: 'run-2027', shareCode: 'AB12' }],
  [{ code: 'AB12' }, { cid: 'run-2027', shareCode: 'AB12' }],
  [{ scene: encodeURIComponent('c=spring&s=XY9') }, { cid: 'spring', shareCode: 'XY9' }],
  [{ scene: 'XY9' }, { cid: 'run-2027', shareCode: 'XY9' }],
  [{ scene: 'c%3Dspring' }, null],
  [{}, null],
])('landing query %j reads as %j', (query, run) => {
  expect(runFromQuery(query)).toEqual(run)
})
