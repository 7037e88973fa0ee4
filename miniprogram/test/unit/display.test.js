const { describeSchedule, formatCountdown, percentOf } = require('../../src/lib/display')

test('the published schedule reads step by step', () => {
  expect(describeSchedule([{ helpers: 5, amount: 200 }, { helpers: 10, amount: 100 }, { helpers: 1, amount: 80 }, { helpers: null, amount: 50 }])).toEqual([
    '第1-5位好友：每人加速200',
    '第6-15位好友：每人加速100',
    '第16位好友：每人加速80',
    '第17位起的好友：每人加速50',
  ])
})

test.each([
  [0, '00:00:00'],
  [-5000, '00:00:00'],
  [61_999, '00:01:01'],
  [3 * 86400_000 + 3600_000 + 5000, '3天 01:00:05'],
])('%i ms left reads %s', (ms, text) => {
  expect(formatCountdown(ms)).toBe(text)
})

test('progress is a whole percentage capped at 100', () => {
  expect(percentOf(333, 1000)).toBe(33)
  expect(percentOf(1000, 1000)).toBe(100)
  expect(percentOf(5, 0)).toBe(0)
})
