// A `wx` whose network is a table of routes answered in memory, so tests see exactly what the
// mini-program sends and decide what comes back.

const API = 'http://127.0.0.1:8080'

/** What the fake's wx.getShareInfo / wx.getGroupEnterInfo succeed with by default. */
const GROUP_INFO = { encryptedData: 'ENCRYPTED-GROUP-INFO', iv: 'IV-1' }

/**
 * @param {object} [options]
 * @param {number} [options.scene] the launch scene getLaunchOptionsSync reports
 * @param {string[]} [options.codes] wx.login codes handed out in order (then `code-N`)
 * @param {string} [options.shareTicket] set when the mini-program was opened from a card in a group
 * @param {number} [options.enterScene] the scene of this (warm) start, when it differs from the launch scene
 * @param {string[]} [options.canIUse] the APIs `wx.canIUse` confirms (e.g. `getGroupEnterInfo`)
 * @param {(api: string, options: object) => object|'fail'|'hang'} [options.groupInfo] how getShareInfo and
 *   getGroupEnterInfo answer (default: GROUP_INFO)
 * @param {boolean} [options.sessionFresh] what wx.checkSession says about WeChat's session key (default fresh)
 */
function createFakeWx({ scene = 1007, codes = [], shareTicket, enterScene, canIUse = [], groupInfo = () => GROUP_INFO, sessionFresh = true } = {}) {
  const routes = new Map()
  const storage = new Map()
  const sent = []
  /** Every wx call of interest in order, e.g. `login`, `getShareInfo`: to check what happens before what. */
  const calls = []
  let logins = 0

  function answerGroupInfo(api, options) {
    calls.push(api)
    const result = groupInfo(api, options)
    if (result === 'hang') return
    setTimeout(() => (result === 'fail' ? options.fail({ errMsg: `${api}:fail` }) : options.success({ errMsg: `${api}:ok`, ...result })), 0)
  }

  /** Answers `METHOD /path` (query included) with `reply(request)` -> {status, body} or the string 'offline'. */
  function route(key, reply) {
    routes.set(key, typeof reply === 'function' ? reply : () => reply)
  }

  function answer(options) {
    const method = options.method || 'GET'
    const path = options.url.startsWith(API) ? options.url.slice(API.length) : options.url
    const request = { method, path, url: options.url, header: options.header || {}, data: options.data }
    sent.push(request)
    const reply = routes.get(`${method} ${path}`)
    if (!reply) return { status: 404, body: { code: 'NOT_FOUND', status: 404 } }
    return reply(request)
  }

  const wx = {
    request: jest.fn((options) => {
      setTimeout(() => {
        const result = answer(options)
        if (result === 'offline') options.fail({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' })
        else options.success({ statusCode: result.status, data: result.body, header: {} })
      }, 0)
    }),
    downloadFile: jest.fn((options) => {
      setTimeout(() => {
        const result = answer({ ...options, method: 'GET' })
        if (result === 'offline') options.fail({ errMsg: 'downloadFile:fail' })
        else options.success({ statusCode: result.status, tempFilePath: result.status === 200 ? 'wxfile://tmp/code.png' : '' })
      }, 0)
    }),
    uploadFile: jest.fn((options) => {
      setTimeout(() => {
        const result = answer({ url: options.url, method: 'POST', header: options.header, data: { name: options.name, filePath: options.filePath } })
        if (result === 'offline') options.fail({ errMsg: 'uploadFile:fail' })
        else options.success({ statusCode: result.status, data: JSON.stringify(result.body) })
      }, 0)
    }),
    login: jest.fn((options) => {
      calls.push('login')
      logins += 1
      setTimeout(() => options.success({ code: codes[logins - 1] || `code-${logins}` }), 0)
    }),
    getStorageSync: jest.fn((key) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key, value) => storage.set(key, value)),
    removeStorageSync: jest.fn((key) => storage.delete(key)),
    getLaunchOptionsSync: jest.fn(() => ({ scene, path: 'pages/home/home', query: {}, shareTicket })),
    getEnterOptionsSync: jest.fn(() => ({ scene: enterScene || scene, path: 'pages/home/home', query: {}, shareTicket })),
    canIUse: jest.fn((name) => canIUse.includes(name)),
    checkSession: jest.fn((options) => {
      calls.push('checkSession')
      setTimeout(() => (sessionFresh ? options.success({ errMsg: 'checkSession:ok' }) : options.fail({ errMsg: 'checkSession:fail' })), 0)
    }),
    getShareInfo: jest.fn((options) => answerGroupInfo('getShareInfo', options)),
    getGroupEnterInfo: jest.fn((options) => answerGroupInfo('getGroupEnterInfo', options)),
    getAccountInfoSync: jest.fn(() => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } })),
    showToast: jest.fn(),
    showShareMenu: jest.fn(),
    updateShareMenu: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    navigateTo: jest.fn(),
    redirectTo: jest.fn(),
    reLaunch: jest.fn(),
    stopPullDownRefresh: jest.fn(),
  }

  return { wx, route, sent, storage, calls, api: API }
}

/** A problem+json answer as the backend sends it. */
function problem(status, code) {
  return { status, body: { type: `/problems/${code.toLowerCase()}`, title: code, status, detail: code, code } }
}

module.exports = { createFakeWx, problem, API, GROUP_INFO }
