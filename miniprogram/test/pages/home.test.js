const { installApp, renderPage, until } = require('../helpers/pages')
const { CID, liveCampaign, upcomingCampaign, alicesRun, SESSION, MANIFEST } = require('../helpers/fixtures')
const { problem } = require('../helpers/fake-wx')

function homeWith(campaign, run) {
  const app = installApp()
  app.route(`GET /api/v1/campaigns/${CID}`, { status: 200, body: campaign })
  app.route('POST /api/v1/session', SESSION)
  app.route(`GET /api/v1/campaigns/${CID}/players/me`, run ? { status: 200, body: run } : problem(404, 'NOT_FOUND'))
  app.route('GET http://127.0.0.1:18180/manifest.json', MANIFEST)
  const page = renderPage('pages/home/home')
  page.instance.onLoad({ cid: CID })
  return { app, page }
}

test('shows the title, the schedule in words, friends still needed and the live rank', async () => {
  const { page } = homeWith(liveCampaign(), alicesRun())
  await until(() => page.querySelector('#rank'), 'the run')
  expect(page.dom.textContent).toContain('加速奔向2027')
  expect(page.data.rules).toEqual(['第1-5位好友：每人加速200', '第6位起的好友：每人加速50'])
  expect(page.querySelector('#friends-needed').dom.textContent).toContain('3')
  expect(page.querySelector('#rank').dom.textContent).toContain('7')
})
