const { checkField, checkForm, claimBody } = require('../../src/lib/claim-form')

test.each([
  ['name', '', '请填写收件人姓名'],
  ['name', '   ', '请填写收件人姓名'],
  ['name', '张三', ''],
  ['name', '一二三四五六七八九十一二三四五六七八九十', ''],
  ['name', '一二三四五六七八九十一二三四五六七八九十一', '姓名最多20个字'],
  ['name', '😀'.repeat(20), ''],
  ['phone', '13800138000', ''],
  ['phone', '12800138000', '请填写11位手机号码'],
  ['phone', '1380013800', '请填写11位手机号码'],
  ['phone', '138001380001', '请填写11位手机号码'],
  ['address', '', '请填写收货地址'],
  ['address', '北京', '地址太短了，请写到门牌号'],
  ['address', '北京市海淀区中关村大街1号', ''],
  ['address', '路'.repeat(120), ''],
  ['address', '路'.repeat(121), '地址最多120个字'],
])('%s %j -> %j', (field, value, message) => {
  expect(checkField(field, value)).toBe(message)
})

test('a whole form lists each problem, and a good one none', () => {
  expect(checkForm({ name: '', phone: '1', address: '北京市海淀区中关村大街1号' })).toEqual({ name: '请填写收件人姓名', phone: '请填写11位手机号码' })
  expect(checkForm({ name: '张三', phone: '13800138000', address: '北京市海淀区中关村大街1号' })).toEqual({})
})

test('the body sent is trimmed', () => {
  expect(claimBody({ name: ' 张三 ', phone: '13800138000 ', address: ' 北京市海淀区 ' })).toEqual({ name: '张三', phone: '13800138000', address: '北京市海淀区' })
})
