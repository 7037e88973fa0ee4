// Loads a page or component of src/ with miniprogram-simulate, wired to a fake wx and a fresh app.
const path = require('path')
const simulate = require('miniprogram-simulate')
const { createFakeWx } = require('./fake-wx')

const SRC = path.join(__dirname, '..', '..', 'src')

/**
 * Installs a fake `wx` and `getApp()` with real services on top of it.
 * @returns the fake (routes, sent requests) and the app services
 */
function installApp(options) {
  const fake = createFakeWx(options)
  Object.assign(global.wx, fake.wx)
  // Required after wx is in place: the services read the build's config from it.
  const { createServices } = require('../../src/lib/services')
  const services = createServices(global.wx)
  global.getApp = () => ({ services })
  return { ...fake, services }
}

/**
 * WeChat's built-in <image> renders nothing of its `src` under j-component, so pages are rendered with a stand-in
 * that has the same properties: `page.querySelector('#some-image').data.src` is the picture that shows.
 */
let imageStandIn = ''
function imageComponent() {
  if (!imageStandIn) {
    imageStandIn = simulate.load({
      template: '<view class="image"></view>',
      properties: { src: { type: String, value: '' }, mode: { type: String, value: '' } },
    })
  }
  return imageStandIn
}

/** Renders `pages/<name>/<name>` (or any src-relative path) attached to a parent node. */
function renderPage(relativePath, properties) {
  // simulate registers a page and its components by running their files; jest would hand back its cached
  // modules instead (and nothing registers), so every load gets a fresh module registry.
  let id
  jest.isolateModules(() => {
    id = simulate.load(path.join(SRC, relativePath), { rootPath: SRC, usingComponents: { image: imageComponent() } })
  })
  const page = simulate.render(id, properties)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/** Waits until `check()` holds, polling the event loop (fake requests answer on a timer). */
async function until(check, what = 'condition', timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (check()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

module.exports = { installApp, renderPage, until, SRC }
