const { absoluteAvatars, checkNickname, needsFace, hasNickname, shouldAsk, rememberAsked } = require('../../src/lib/faces')
const { createFakeWx } = require('../helpers/fake-wx')

test('avatar paths anywhere in an answer are resolved against the API base; full URLs and empty ones are kept', () => {
  const answer = {
    avatarUrl: '/media/avatars/aa.png',
    invitedBy: { shareCode: 'X', nickname: 'x', avatarUrl: 'https://cdn.example.com/media/avatars/bb.jpg' },
    entries: [{ avatarUrl: '/media/avatars/cc.jpg' }, { avatarUrl: '' }, { avatarUrl: null }],
    note: '/not/an/avatar',
  }
  expect(absoluteAvatars('https://api.example.com', answer)).toEqual({
    avatarUrl: 'https://api.example.com/media/avatars/aa.png',
    invitedBy: { shareCode: 'X', nickname: 'x', avatarUrl: 'https://cdn.example.com/media/avatars/bb.jpg' },
    entries: [{ avatarUrl: 'https://api.example.com/media/avatars/cc.jpg' }, { avatarUrl: '' }, { avatarUrl: null }],
    note: '/not/an/avatar',
  })
  expect(absoluteAvatars('https://api.example.com', 'text')).toBe('text')
})

test.each([
  [{ nickname: '爱丽丝', avatarUrl: 'https://a/x.png' }, false],
  [{ nickname: '爱丽丝', avatarUrl: '' }, true],
  [{ nickname: '微信用户', avatarUrl: 'https://a/x.png' }, true],
  [{ nickname: '  ', avatarUrl: 'https://a/x.png' }, true],
  [{ nickname: null, avatarUrl: null }, true],
])('%j needs a face: %s', (user, needed) => {
  expect(needsFace(user)).toBe(needed)
})

test('"微信用户" is WeChat’s placeholder, not a nickname', () => {
  expect(hasNickname({ nickname: '微信用户' })).toBe(false)
  expect(hasNickname({ nickname: '微信用户2' })).toBe(true)
})

test.each([
  ['', '请填写昵称'],
  ['   ', '请填写昵称'],
  ['爱丽丝', ''],
  ['😀'.repeat(20), ''],
  ['一'.repeat(21), '昵称最多20个字'],
])('nickname %j: %j', (nickname, problem) => {
  expect(checkNickname(nickname)).toBe(problem)
})

test('a user is asked for a face once, and never when they have one', () => {
  const { wx } = createFakeWx()
  expect(shouldAsk(wx, { nickname: '爱丽丝', avatarUrl: 'https://a/x.png' })).toBe(false)
  expect(shouldAsk(wx, null)).toBe(false)
  expect(shouldAsk(wx, { nickname: '微信用户', avatarUrl: '' })).toBe(true)
  rememberAsked(wx)
  expect(shouldAsk(wx, { nickname: '微信用户', avatarUrl: '' })).toBe(false)
})
