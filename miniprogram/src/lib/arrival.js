// Who brought whom: the optional body a join or a help carries (API.md "Who brought whom"): `via`, the share code
// of the card or poster that brought the user; `scene`, how WeChat opened the mini-program; and, for a card
// opened in a group, the encrypted group info only the server can open. None of it may ever block a join or a
// help, so every WeChat failure here just leaves the field out.

/** Storage key prefix: the share code that brought this user to a campaign, kept until they join it. */
const VIA_KEY = 'jiasu.via.'

/** How long the group info may take before the request goes without it. */
const SHARE_INFO_TIMEOUT_MS = 3000

/**
 * How WeChat opened the mini-program this time: the enter options (a warm start from a card has its own scene and
 * share ticket), or the launch options on base libraries without them.
 * @param {WechatMiniprogram.Wx} wxApi
 * @returns {{scene: number, shareTicket?: string}}
 */
function enterOptions(wxApi) {
  return wxApi.getEnterOptionsSync ? wxApi.getEnterOptionsSync() : wxApi.getLaunchOptionsSync()
}

/** Resolves with what a callback-style wx API succeeded with, or null on failure or after the timeout. */
function softly(wxFunction, options, timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs)
    const settle = (value) => {
      clearTimeout(timer)
      resolve(value)
    }
    try {
      wxFunction({ ...options, success: settle, fail: () => settle(null) })
    } catch (err) {
      settle(null)
    }
  })
}

/**
 * @param {object} deps
 * @param {WechatMiniprogram.Wx} deps.wx
 * @param {{session: () => Promise<string>, login: () => Promise<string>}} deps.client the request layer: share info
 *   is encrypted with the session key of the latest wx.login, so the session must exist before it is asked for
 * @param {number} [deps.timeoutMs]
 */
function createArrival({ wx: wxApi, client, timeoutMs = SHARE_INFO_TIMEOUT_MS }) {
  /**
   * The group's encrypted info for a card opened in a group, or null. wx.getGroupEnterInfo where the base
   * library has it, wx.getShareInfo with the ticket otherwise.
   */
  async function groupInfo(shareTicket) {
    if (!shareTicket) return null
    // WeChat encrypts with the session key of the last wx.login; if that key has expired, log in afresh first.
    const fresh = await softly(wxApi.checkSession, {}, timeoutMs)
    if (!fresh) await client.login()
    const info = wxApi.canIUse && wxApi.canIUse('getGroupEnterInfo')
      ? await softly(wxApi.getGroupEnterInfo, {}, timeoutMs)
      : await softly(wxApi.getShareInfo, { shareTicket }, timeoutMs)
    return info && info.encryptedData && info.iv ? { encryptedData: info.encryptedData, iv: info.iv } : null
  }

  /**
   * The body of a join or a help: `{via?, scene, shareTicket?}`. Logs in first when needed (never fails for
   * the group info: a failure leaves it out).
   * @param {string} [via] the share code of the card or poster that brought the user
   */
  async function body(via) {
    await client.session()
    const { scene, shareTicket } = enterOptions(wxApi)
    /** @type {{via?: string, scene?: number, shareTicket?: {encryptedData: string, iv: string}}} */
    const result = {}
    if (via) result.via = via
    if (scene) result.scene = Number(scene)
    const info = await groupInfo(shareTicket).catch(() => null)
    if (info) result.shareTicket = info
    return result
  }

  /** Keeps the share code that brought the user to a campaign, for when they join later (the first one stays). */
  function remember(cid, via) {
    if (via && !wxApi.getStorageSync(VIA_KEY + cid)) wxApi.setStorageSync(VIA_KEY + cid, via)
  }

  /** @returns {string} the share code that first brought the user to this campaign, or '' */
  function remembered(cid) {
    return wxApi.getStorageSync(VIA_KEY + cid) || ''
  }

  /** Once joined, the server keeps the inviter; the device need not. */
  function forget(cid) {
    wxApi.removeStorageSync(VIA_KEY + cid)
  }

  return { body, remember, remembered, forget }
}

module.exports = { createArrival, enterOptions, VIA_KEY }
