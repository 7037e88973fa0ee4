// The request and login layer: every call to the backend goes through here, from the pages and from the node
// journey test alike. It owns the session token, the headers every request carries, and the one silent
// re-login that follows a 401.
const { ApiError } = require('./errors')

const TOKEN_KEY = 'jiasu.session'

/** The code to report when a non-2xx answer has no problem body (e.g. a proxy's own error page). */
const CODE_BY_STATUS = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  502: 'WX_UNAVAILABLE',
}

function errorFrom(statusCode, body) {
  const problem = body && typeof body === 'object' ? body : null
  const code = (problem && problem.code) || CODE_BY_STATUS[statusCode] || (statusCode >= 500 ? 'UNAVAILABLE' : 'BAD_REQUEST')
  return new ApiError(code, statusCode, problem)
}

/** wx.uploadFile hands the answer back as text. */
function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch (err) {
    return text
  }
}

/**
 * The headers every request of the mini-program carries, to the API and the CDN alike: the launch scene
 * (group card, single chat, scanned code...) and the build's version, for the access-log analytics.
 */
function launchHeaders(wxApi, clientVersion) {
  return {
    'X-WX-Scene': String(wxApi.getLaunchOptionsSync().scene),
    'X-Client-Version': clientVersion,
  }
}

/** Turns a callback-style wx API (success/fail) into a promise; `fail` means no answer at all. */
function call(wxFunction, options) {
  return new Promise((resolve, reject) => {
    wxFunction({
      ...options,
      success: resolve,
      fail: (err) => reject(new ApiError('NETWORK', 0, { detail: err && err.errMsg })),
    })
  })
}

/**
 * @param {object} deps
 * @param {WechatMiniprogram.Wx} deps.wx the real `wx`, or the journey test's node implementation of it
 * @param {string} deps.apiBase
 * @param {string} deps.clientVersion
 */
function createClient({ wx: wxApi, apiBase, clientVersion }) {
  /** The login under way, shared by every caller that needs a token meanwhile (no login storm). */
  let loginInFlight = null

  function storedToken() {
    const session = wxApi.getStorageSync(TOKEN_KEY)
    return session && session.token ? session.token : null
  }

  /** The launch headers and the token; JSON requests add their content type. */
  function sessionHeaders(token) {
    /** @type {Record<string, string>} */
    const headers = launchHeaders(wxApi, clientVersion)
    if (token) headers.Authorization = `Bearer ${token}`
    return headers
  }

  function baseHeaders(token) {
    return { 'Content-Type': 'application/json', ...sessionHeaders(token) }
  }

  async function loginOnce() {
    const { code } = await call(wxApi.login, {})
    const res = await call(wxApi.request, {
      url: apiBase + '/api/v1/session',
      method: 'POST',
      data: { code },
      header: baseHeaders(null),
    })
    if (res.statusCode !== 201) throw errorFrom(res.statusCode, res.data)
    wxApi.setStorageSync(TOKEN_KEY, res.data)
    return res.data.token
  }

  /** Logs in with a fresh wx.login code; concurrent callers share one login. */
  function login() {
    if (!loginInFlight) {
      loginInFlight = loginOnce().finally(() => {
        loginInFlight = null
      })
    }
    return loginInFlight
  }

  function tokenForRequest() {
    return storedToken() || login()
  }

  /**
   * The token to retry with after `staleToken` was refused. If another request already replaced it, that
   * newer token is used; otherwise the stale one is dropped and this caller joins (or starts) the one login.
   */
  function renewedToken(staleToken) {
    const current = storedToken()
    if (current && current !== staleToken) return current
    if (current) wxApi.removeStorageSync(TOKEN_KEY)
    return login()
  }

  /** Runs `attempt(token)` and, on a 401, once more after a silent re-login. */
  async function withSession(attempt) {
    const token = await tokenForRequest()
    const res = await attempt(token)
    if (res.statusCode !== 401) return res
    return attempt(await renewedToken(token))
  }

  /**
   * One API call. `auth: false` sends no token and never logs in (public campaign data).
   * @param {{method?: 'GET'|'POST'|'PUT'|'DELETE', path: string, data?: any, headers?: Record<string, string>, auth?: boolean}} options
   * @returns {Promise<{status: number, data: any}>}
   */
  async function request({ method = 'GET', path, data, headers = {}, auth = true }) {
    const send = (token) => call(wxApi.request, {
      url: apiBase + path,
      method: /** @type {any} */ (method),
      data,
      header: { ...baseHeaders(token), ...headers },
    })
    const res = auth ? await withSession(send) : await send(null)
    if (res.statusCode < 200 || res.statusCode >= 300) throw errorFrom(res.statusCode, res.data)
    return { status: res.statusCode, data: res.data }
  }

  /** Downloads an authenticated binary (the poster's mini-program code) to a temporary file path. */
  async function download(path) {
    const res = await withSession((token) => call(wxApi.downloadFile, {
      url: apiBase + path,
      header: baseHeaders(token),
    }))
    if (res.statusCode !== 200) throw errorFrom(res.statusCode, null)
    return res.tempFilePath
  }

  /**
   * Uploads a local file (an avatar the user picked) as the multipart part `file`, with the same session, headers
   * and one silent re-login as every request; resolves with the parsed JSON answer.
   * @returns {Promise<{status: number, data: any}>}
   */
  async function upload(path, filePath) {
    const res = await withSession((token) => call(wxApi.uploadFile, {
      url: apiBase + path,
      filePath,
      name: 'file',
      header: sessionHeaders(token),
    }))
    const data = parseJson(res.data)
    if (res.statusCode < 200 || res.statusCode >= 300) throw errorFrom(res.statusCode, data)
    return { status: res.statusCode, data }
  }

  /** The token of the current session, logging in first when there is none (callers that need WeChat's session). */
  function session() {
    return tokenForRequest()
  }

  return { apiBase, request, download, upload, login, session }
}

module.exports = { TOKEN_KEY, createClient, launchHeaders }
