// The slice of `wx` the request layer uses, implemented on node's fetch, so the journey drives the
// mini-program's own client code against a real backend. One instance is one phone: its own storage, its own
// wx.login code (the WeChat stub logs a code in as the user whose openid it is), and how it was opened (scene,
// and a share ticket for a card opened in a group, whose wx.getShareInfo the WeChat stub emulates).
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
 * @param {object} phone
 * @param {string} phone.code the wx.login code, which is also the user's openid in the stub
 * @param {number} [phone.scene] the launch scene
 * @param {string} [phone.shareTicket] present when the card was opened in a group
 * @param {string} [phone.openGId] that group, as WeChat would know it
 * @param {string} [phone.stubBase] the WeChat stub, for `POST /stub/share-info`; without it getShareInfo fails
 */
function createNodeWx({ code, scene = SINGLE_CHAT_CARD, shareTicket, openGId, stubBase }) {
  const storage = new Map()
  const counts = { login: 0, request: 0, shareInfo: 0 }

  function send({ url, method = 'GET', data, header = {} }) {
    counts.request += 1
    const body = data === undefined || method === 'GET' ? undefined : JSON.stringify(data)
    return fetch(url, { method, headers: header, body })
  }

  /** What wx.getShareInfo gives a mini-program: the stub encrypts the group with this user's session key. */
  async function shareInfo() {
    if (!stubBase) throw new Error('no WeChat stub to emulate wx.getShareInfo')
    const res = await fetch(`${stubBase}/stub/share-info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid: code, openGId, kind: 'share' }),
    })
    if (res.status !== 200) throw new Error(`stub share-info answered ${res.status}: ${await res.text()}`)
    return res.json()
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
    /** multipart/form-data with the file under `name`, as WeChat sends it; the answer comes back as text. */
    uploadFile(options) {
      counts.request += 1
      const form = new FormData()
      const type = options.filePath.endsWith('.png') ? 'image/png' : 'image/jpeg'
      form.append(options.name, new Blob([fs.readFileSync(options.filePath)], { type }), path.basename(options.filePath))
      fetch(options.url, { method: 'POST', headers: options.header, body: form })
        .then(async (res) => options.success({ statusCode: res.status, data: await res.text() }))
        .catch((err) => options.fail({ errMsg: `uploadFile:fail ${err.message}` }))
    },
    login(options) {
      counts.login += 1
      setImmediate(() => options.success({ code }))
    },
    checkSession(options) {
      setImmediate(() => options.success({ errMsg: 'checkSession:ok' }))
    },
    canIUse: () => false,
    getShareInfo(options) {
      shareInfo()
        .then((info) => {
          counts.shareInfo += 1
          options.success({ errMsg: 'getShareInfo:ok', ...info })
        })
        .catch((err) => options.fail({ errMsg: `getShareInfo:fail ${err.message}` }))
    },
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
    removeStorageSync: (key) => storage.delete(key),
    getLaunchOptionsSync: () => ({ scene, path: 'pages/landing/landing', query: {}, shareTicket }),
    getEnterOptionsSync: () => ({ scene, path: 'pages/landing/landing', query: {}, shareTicket }),
  }
}

module.exports = { createNodeWx }
