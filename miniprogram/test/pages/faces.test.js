// The face sheet on the home page: offered once after joining, skippable, editable later; the avatar uploaded
// at once, the nickname saved through PUT /api/v1/me with its content check.
const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, liveCampaign, alicesRun, SESSION, MANIFEST } = require('../helpers/fixtures')
const { problem } = require('../helpers/fake-wx')
const { ASKED_KEY } = require('../../src/lib/faces')

const ME = `GET /api/v1/campaigns/${CID}/players/me`
const USER = 'GET /api/v1/me'
const AVATAR = 'POST /api/v1/me/avatar'
const SAVE = 'PUT /api/v1/me'
const FACELESS = { id: 'u1', nickname: '微信用户', avatarUrl: '' }
const ALICE = { id: 'u1', nickname: '爱丽丝', avatarUrl: 'https://cdn.example.com/media/avatars/a1.png' }

/** The home page of a live campaign for a user who has `user`'s face and, if `run`, has joined. */
function home({ user = FACELESS, run = alicesRun(), asked = false } = {}) {
  const app = installApp()
  if (asked) app.storage.set(ASKED_KEY, true)
  app.route('POST /api/v1/session', SESSION)
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: liveCampaign() })
  app.route(ME, run ? { status: 200, body: run } : problem(404, 'NOT_FOUND'))
  app.route(USER, { status: 200, body: user })
  app.route('GET http://127.0.0.1:18180/manifest.json', MANIFEST)
  const page = renderPage('pages/home/home')
  page.instance.onLoad({ cid: CID })
  return { app, page }
}

const sheetOf = (page) => page.querySelector('#face-sheet')
const requests = (app, key) => app.sent.filter((r) => `${r.method} ${r.path}` === key)

async function openSheet(options) {
  const opened = home(options)
  await until(() => sheetOf(opened.page), 'the face sheet')
  return { ...opened, sheet: sheetOf(opened.page) }
}

/** The user picks an image with WeChat's chooseAvatar button. */
function chooseAvatar(sheet, path = 'wxfile://tmp/picked.jpg') {
  sheet.querySelector('#choose-avatar').dispatchEvent('chooseavatar', { detail: { avatarUrl: path } })
}

/** The user types (or WeChat fills in) a nickname and taps 保存, which submits the form. */
function submitNickname(sheet, nickname) {
  sheet.querySelector('#nickname').dispatchEvent('input', { detail: { value: nickname } })
  sheet.querySelector('#form').dispatchEvent('submit', { detail: { value: { nickname } } })
}

test('right after joining, a user without a face is offered the sheet, and can skip it', async () => {
  const { app, page } = home({ run: null })
  await until(() => page.querySelector('#join'), 'the join button')
  expect(sheetOf(page)).toBeFalsy()
  app.route(`POST /api/v1/campaigns/${CID}/players`, { status: 201, body: alicesRun() })
  app.route(ME, { status: 200, body: alicesRun() })
  page.querySelector('#join').dispatchEvent('tap')
  await until(() => sheetOf(page), 'the face sheet')
  expect(sheetOf(page).dom.textContent).toContain('设置头像和昵称')
  sheetOf(page).querySelector('#skip').dispatchEvent('tap')
  await until(() => !sheetOf(page), 'the sheet to close')
  expect(app.storage.get(ASKED_KEY)).toBe(true)
  expect(page.querySelector('#my-name').dom.textContent).toBe('微信用户')
})

test('a skipped sheet is not offered again on the next visit', async () => {
  const { page } = home({ asked: true })
  await until(() => page.querySelector('#rank'), 'the run') // the page decides in the same update
  expect(sheetOf(page)).toBeFalsy()
})

test('a user who already has a face is never asked, and sees it on their run', async () => {
  const { app, page } = home({ user: ALICE })
  await until(() => page.querySelector('#rank'), 'the run')
  expect(sheetOf(page)).toBeFalsy()
  expect(page.querySelector('#my-name').dom.textContent).toBe('爱丽丝')
  expect(page.querySelector('#my-avatar').data.src).toBe(ALICE.avatarUrl)
  expect(app.storage.has(ASKED_KEY)).toBe(false)
})

test('the face can be edited later from the run; the sheet then offers to cancel, not to skip', async () => {
  const { page } = home({ user: ALICE })
  await until(() => page.querySelector('#edit-face'), 'the edit button')
  page.querySelector('#edit-face').dispatchEvent('tap')
  await until(() => sheetOf(page), 'the face sheet')
  expect(sheetOf(page).querySelector('#skip').dom.textContent).toBe('取消')
  expect(sheetOf(page).data.nickname).toBe('爱丽丝')
  sheetOf(page).querySelector('#skip').dispatchEvent('tap')
  await until(() => !sheetOf(page), 'the sheet to close')
})

test('a picked avatar is uploaded at once as the part "file", and shows resolved against the API base', async () => {
  const { app, page, sheet } = await openSheet()
  app.route(AVATAR, { status: 200, body: { ...FACELESS, avatarUrl: '/media/avatars/0f1e.png' } })
  chooseAvatar(sheet)
  await until(() => sheet.data.avatarUrl, 'the uploaded avatar')
  const [upload] = requests(app, AVATAR)
  expect(upload.data).toEqual({ name: 'file', filePath: 'wxfile://tmp/picked.jpg' })
  expect(upload.header.Authorization).toBe('Bearer token-1')
  expect(sheet.querySelector('#avatar').data.src).toBe('http://127.0.0.1:8080/media/avatars/0f1e.png')
  expect(sheet.querySelector('#avatar-error')).toBeFalsy()
  // The page behind the sheet has the new avatar already, even if the user now skips the nickname.
  await until(() => page.querySelector('#my-avatar').data.src === 'http://127.0.0.1:8080/media/avatars/0f1e.png', 'the page to follow')
})

test('a nickname typed before the avatar is picked survives the upload', async () => {
  const { app, page, sheet } = await openSheet()
  app.route(AVATAR, { status: 200, body: { ...FACELESS, avatarUrl: '/media/avatars/0f1e.png' } })
  sheet.querySelector('#nickname').dispatchEvent('input', { detail: { value: '爱丽丝' } })
  chooseAvatar(sheet)
  await until(() => page.data.user.avatarUrl, 'the page to follow')
  expect(sheet.data.nickname).toBe('爱丽丝')
})

test.each([
  [413, 'PAYLOAD_TOO_LARGE', '图片太大了，请选一张1MB以内的图片'],
  [415, 'UNSUPPORTED_MEDIA_TYPE', '只支持JPG或PNG格式的图片，请换一张'],
  [422, 'VALIDATION_FAILED', '这张图片无法识别或尺寸过大，请换一张'],
  [503, 'UNAVAILABLE', '服务器开小差了，请稍后再试'],
])('an avatar refused with %i %s says so in Chinese and keeps the old picture', async (status, code, message) => {
  const { app, page, sheet } = await openSheet()
  app.route(AVATAR, problem(status, code))
  chooseAvatar(sheet)
  await until(() => sheet.querySelector('#avatar-error'), 'the refusal')
  expect(sheet.querySelector('#avatar-error').dom.textContent).toBe(message)
  expect(sheet.querySelector('#avatar').data.src).toBe('/images/default-avatar.png')
  expect(sheet.data.uploading).toBe(false)
  expect(page.querySelector('#my-avatar').data.src).toBe('/images/default-avatar.png')
})

test('an avatar upload whose token expired logs in once silently and goes through', async () => {
  const { app, sheet } = await openSheet()
  let issued = 1
  app.route('POST /api/v1/session', () => ({ status: 201, body: { ...SESSION.body, token: `token-${++issued}` } }))
  app.route(AVATAR, (req) => (req.header.Authorization === 'Bearer token-2' ? { status: 200, body: { ...FACELESS, avatarUrl: '/media/avatars/77.png' } } : problem(401, 'UNAUTHENTICATED')))
  chooseAvatar(sheet)
  await until(() => sheet.data.avatarUrl, 'the uploaded avatar')
  expect(requests(app, AVATAR).map((r) => r.header.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
  expect(requests(app, 'POST /api/v1/session')).toHaveLength(2) // the first visit's login, then exactly one more
})

test('a saved nickname goes through PUT /api/v1/me trimmed, closes the sheet and names the share card', async () => {
  const { app, page, sheet } = await openSheet()
  app.route(SAVE, (req) => ({ status: 200, body: { ...FACELESS, nickname: req.data.nickname } }))
  submitNickname(sheet, '  爱丽丝 ')
  await until(() => !sheetOf(page), 'the sheet to close')
  expect(requests(app, SAVE).map((r) => r.data)).toEqual([{ nickname: '爱丽丝' }])
  expect(page.querySelector('#my-name').dom.textContent).toBe('爱丽丝')
  expect(app.storage.get(ASKED_KEY)).toBe(true)
  expect(page.instance.onShareAppMessage({ from: 'button' }).title).toBe('爱丽丝还差3位好友就到终点了，快来帮TA加速！')
})

test('the nickname WeChat filled in is taken from the form even when no input event came', async () => {
  const { app, page, sheet } = await openSheet()
  app.route(SAVE, (req) => ({ status: 200, body: { ...FACELESS, nickname: req.data.nickname } }))
  sheet.querySelector('#form').dispatchEvent('submit', { detail: { value: { nickname: '鲍勃' } } })
  await until(() => !sheetOf(page), 'the sheet to close')
  expect(requests(app, SAVE).map((r) => r.data)).toEqual([{ nickname: '鲍勃' }])
})

test.each([
  [422, 'CONTENT_RISKY', '这个昵称未通过微信内容安全检测，请换一个'],
  [422, 'VALIDATION_FAILED', '昵称需为1到20个字，请修改后再保存'],
  [502, 'WX_UNAVAILABLE', '微信服务繁忙，请稍后再试'],
])('a nickname refused with %i %s is explained in Chinese and the sheet stays open', async (status, code, message) => {
  const { app, page, sheet } = await openSheet()
  app.route(SAVE, problem(status, code))
  submitNickname(sheet, '某个昵称')
  await until(() => sheet.querySelector('#nickname-error'), 'the refusal')
  expect(sheet.querySelector('#nickname-error').dom.textContent).toBe(message)
  expect(sheetOf(page)).toBeTruthy()
  expect(page.querySelector('#my-name').dom.textContent).toBe('微信用户')
  expect(app.storage.has(ASKED_KEY)).toBe(false)
})

test.each([
  ['', '请填写昵称'],
  ['一'.repeat(21), '昵称最多20个字'],
])('a nickname %j is refused before anything is sent', async (nickname, message) => {
  const { app, sheet } = await openSheet()
  submitNickname(sheet, nickname)
  await until(() => sheet.querySelector('#nickname-error'), 'the problem')
  expect(sheet.querySelector('#nickname-error').dom.textContent).toBe(message)
  expect(requests(app, SAVE)).toHaveLength(0)
})

test('a nickname WeChat’s own review rejects is cleared with the same explanation', async () => {
  const { sheet } = await openSheet()
  sheet.querySelector('#nickname').dispatchEvent('input', { detail: { value: '坏名字' } })
  sheet.querySelector('#nickname').dispatchEvent('nicknamereview', { detail: { pass: false, timeout: false } })
  await until(() => sheet.querySelector('#nickname-error'), 'the explanation')
  expect(sheet.querySelector('#nickname-error').dom.textContent).toBe('这个昵称未通过微信内容安全检测，请换一个')
  expect(sheet.data.nickname).toBe('')
})

test('the run shows who invited the player and how many friends they brought', async () => {
  const invitedBy = { shareCode: 'BOB456', nickname: '鲍勃', avatarUrl: '/media/avatars/b0.png' }
  const { page } = home({ user: ALICE, run: alicesRun({ invitedBy, invited: 4 }) })
  await until(() => page.querySelector('#invited-by'), 'the inviter')
  expect(page.querySelector('#invited-by').dom.textContent).toContain('由 鲍勃 邀请')
  expect(page.data.player.invitedBy.avatarUrl).toBe('http://127.0.0.1:8080/media/avatars/b0.png')
  expect(page.querySelector('#invited').dom.textContent).toBe('你已邀请 4 位好友')
})

test('a seed player has no inviter line, and none invited shows no count', async () => {
  const { page } = home({ user: ALICE, run: alicesRun({ invitedBy: null, invited: 0 }) })
  await until(() => page.querySelector('#rank'), 'the run')
  expect(page.querySelector('#invited-by')).toBeFalsy()
  expect(page.querySelector('#invited')).toBeFalsy()
})

test('an inviter without a face reads as 微信用户', async () => {
  const { page } = home({ user: ALICE, run: alicesRun({ invitedBy: { shareCode: 'X', nickname: null, avatarUrl: null }, invited: 0 }) })
  await until(() => page.querySelector('#invited-by'), 'the inviter')
  expect(page.querySelector('#invited-by').dom.textContent).toContain('由 微信用户 邀请')
})
