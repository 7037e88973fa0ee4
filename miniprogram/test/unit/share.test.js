const { shareMessage, runFromQuery, enableShareMenu } = require('../../src/lib/share')

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
