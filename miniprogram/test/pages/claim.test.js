const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, SESSION } = require('../helpers/fixtures')
const { problem } = require('../helpers/fake-wx')
const { MESSAGES } = require('../../src/lib/errors')

const CLAIM = `PUT /api/v1/campaigns/${CID}/players/me/claim`
const GOOD = { name: '张三', phone: '13800138000', address: '北京市海淀区中关村大街1号' }

function claimPage() {
  const app = installApp()
  app.route('POST /api/v1/session', SESSION)
  const page = renderPage('pages/claim/claim')
  page.instance.onLoad({ cid: CID })
  return { app, page }
}

async function type(page, field, value) {
  page.querySelector(`#${field}`).dispatchEvent('input', { detail: { value } })
  await until(() => page.data.form[field] === value, `${field} typed`)
}

async function blur(page, field) {
  page.querySelector(`#${field}`).dispatchEvent('blur', { detail: {} })
  await until(() => page.data.errors[field] !== undefined, `${field} checked`)
}

async function fill(page, form) {
  for (const field of Object.keys(form)) await type(page, field, form[field])
}

const claims = (app) => app.sent.filter((r) => `${r.method} ${r.path}` === CLAIM)

test('a field is checked when the user leaves it, then on every keystroke', async () => {
  const { page } = claimPage()
  await type(page, 'phone', '138')
  expect(page.querySelector('#phone-error')).toBeFalsy()
  await blur(page, 'phone')
  expect(page.querySelector('#phone-error').dom.textContent).toBe('请填写11位手机号码')
  await type(page, 'phone', '13800138000')
  await until(() => !page.querySelector('#phone-error'), 'the error to clear')
})

test('an invalid form shows every problem and sends nothing', async () => {
  const { app, page } = claimPage()
  await fill(page, { name: '', phone: '1380013800', address: '北京' })
  page.querySelector('#submit').dispatchEvent('tap')
  await until(() => page.querySelector('#address-error'), 'the errors')
  expect(page.querySelector('#name-error').dom.textContent).toBe('请填写收件人姓名')
  expect(page.querySelector('#phone-error').dom.textContent).toBe('请填写11位手机号码')
  expect(page.querySelector('#address-error').dom.textContent).toBe('地址太短了，请写到门牌号')
  expect(claims(app)).toHaveLength(0)
})

test('a valid form is sent trimmed and leads to the confirmation with the masked phone', async () => {
  const { app, page } = claimPage()
  app.route(CLAIM, (req) => ({ status: 200, body: { ...req.data, phone: '138****8000', claimedAt: '2026-11-21T00:00:00Z' } }))
  await fill(page, { ...GOOD, name: ' 张三 ' })
  page.querySelector('#submit').dispatchEvent('tap')
  await until(() => global.wx.redirectTo.mock.calls.length === 1, 'the confirmation')
  expect(claims(app)[0].data).toEqual(GOOD)
  const { url } = global.wx.redirectTo.mock.calls[0][0]
  expect(url).toContain('/pages/claim-done/claim-done?')
  expect(url).toContain(`phone=${encodeURIComponent('138****8000')}`)
  expect(url).not.toContain('13800138000')
})

test('double taps on submit send one claim', async () => {
  const { app, page } = claimPage()
  app.route(CLAIM, (req) => ({ status: 200, body: { ...req.data, phone: '138****8000' } }))
  await fill(page, GOOD)
  page.querySelector('#submit').dispatchEvent('tap')
  page.querySelector('#submit').dispatchEvent('tap')
  await until(() => global.wx.redirectTo.mock.calls.length === 1, 'the confirmation')
  expect(claims(app)).toHaveLength(1)
})

test("the server's field errors show beside the fields", async () => {
  const { app, page } = claimPage()
  app.route(CLAIM, {
    status: 422,
    body: { code: 'VALIDATION_FAILED', status: 422, errors: [{ field: 'address', message: '地址无法识别' }] },
  })
  await fill(page, GOOD)
  page.querySelector('#submit').dispatchEvent('tap')
  await until(() => page.querySelector('#address-error'), 'the field error')
  expect(page.querySelector('#address-error').dom.textContent).toBe('地址无法识别')
  expect(page.querySelector('#form-error')).toBeFalsy()
})

test.each([
  ['NOT_WINNER', 403],
  ['CLAIM_CLOSED', 409],
  ['CONTENT_RISKY', 422],
  ['RATE_LIMITED', 429],
])('a claim refused with %s says why above the button', async (code, status) => {
  const { app, page } = claimPage()
  app.route(CLAIM, problem(status, code))
  await fill(page, GOOD)
  page.querySelector('#submit').dispatchEvent('tap')
  await until(() => page.querySelector('#form-error'), 'the message')
  expect(page.querySelector('#form-error').dom.textContent).toBe(MESSAGES[code])
  expect(global.wx.redirectTo).not.toHaveBeenCalled()
})

test('the confirmation shows what was stored', async () => {
  installApp()
  const page = renderPage('pages/claim-done/claim-done')
  page.instance.onLoad({ cid: CID, name: encodeURIComponent('张三'), phone: encodeURIComponent('138****8000'), address: encodeURIComponent('北京市海淀区 100% 大街') })
  await until(() => page.data.name, 'the claim')
  expect(page.querySelector('#phone').dom.textContent).toBe('手机号：138****8000')
  expect(page.querySelector('#address').dom.textContent).toBe('地址：北京市海淀区 100% 大街')
})
