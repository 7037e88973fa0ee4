// The slice of `wx` the request layer uses, implemented on node's fetch, so the journey drives the
// mini-program's own client code against a real backend. One instance is one phone: its own storage and
// its own wx.login code (the WeChat stub logs a code in as the user whose openid it is).
const fs = require('fs')
const os = require('os')
const path = require('path')

/** Scene 1007: opened from a single-chat share card. */
const SINGLE_CHAT_CARD = 1007

function parseBody(text) {
  try {
    return JSON.parse(text)
  } catch (err) {
    return text
  }
}

/**
 * @param {{code: string, scene?: number}} phone
 */
function createNodeWx({ code, scene = SINGLE_CHAT_CARD }) {
  const storage = new Map()
  const counts = { login: 0, request: 0 }

  function send({ url, method = 'GET', data, header = {} }) {
    counts.request += 1
    const body = data === undefined || method === 'GET' ? undefined : JSON.stringify(data)
    return fetch(url, { method, headers: header, body })
  }

  return {
    counts,
    storage,
    request(options) {
      send(options)
        .then(async (res) => options.success({ statusCode: res.status, data: parseBody(await res.text()), header: Object.fromEntries(res.headers) }))
        .catch((err) => options.fail({ errMsg: `request:fail ${err.message}` }))
    },
    downloadFile(options) {
      send(options)
        .then(async (res) => {
          const file = path.join(os.tmpdir(), `jiasu-journey-${process.pid}-${counts.request}`)
          fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
          options.success({ statusCode: res.status, tempFilePath: file })
        })
        .catch((err) => options.fail({ errMsg: `downloadFile:fail ${err.message}` }))
    },
    login(options) {
      counts.login += 1
      setImmediate(() => options.success({ code }))
    },
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
    removeStorageSync: (key) => storage.delete(key),
    getLaunchOptionsSync: () => ({ scene, path: 'pages/landing/landing', query: {} }),
  }
}

module.exports = { createNodeWx }
