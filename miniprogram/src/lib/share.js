// Share cards and the way back in: the path a card or a mini-program code opens, and reading it again.
const { DEFAULT_CAMPAIGN_ID } = require('./config')

const LANDING_PAGE = '/pages/landing/landing'

/** The page a card for this run opens. */
function landingPath(cid, shareCode) {
  return `${LANDING_PAGE}?cid=${encodeURIComponent(cid)}&code=${encodeURIComponent(shareCode)}`
}

/** Turns on the share menu; with a share ticket, a card opened in a group reports scene 1044 (group) to the log. */
function enableShareMenu(wxApi) {
  wxApi.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] })
}

/**
 * What onShareAppMessage returns for a player's run: a card that opens their landing page.
 * @param {{cid: string, shareCode: string, friendsNeeded?: number|null, imageUrl?: string}} run
 */
function shareMessage({ cid, shareCode, friendsNeeded, imageUrl }) {
  const title = friendsNeeded > 0
    ? `我还差${friendsNeeded}位好友就到终点了，快来帮我加速！`
    : '我正在加速奔向终点，快来帮我加速！'
  const message = { title, path: landingPath(cid, shareCode) }
  if (imageUrl) message.imageUrl = imageUrl
  return message
}

/**
 * The run a landing page shows, from a share card's query (`cid`, `code`) or a scanned code's `scene`.
 * A scene is either `c=<cid>&s=<shareCode>` or a bare share code in the default campaign (scenes hold 32 chars).
 * @param {Record<string, string>} query
 * @returns {{cid: string, shareCode: string} | null}
 */
function runFromQuery(query) {
  if (query.code) return { cid: query.cid || DEFAULT_CAMPAIGN_ID, shareCode: query.code }
  if (!query.scene) return null
  const scene = decodeURIComponent(query.scene)
  if (!scene.includes('=')) return { cid: DEFAULT_CAMPAIGN_ID, shareCode: scene }
  const fields = {}
  scene.split('&').forEach((pair) => {
    const [key, value = ''] = pair.split('=')
    fields[key] = value
  })
  return fields.s ? { cid: fields.c || DEFAULT_CAMPAIGN_ID, shareCode: fields.s } : null
}

module.exports = { landingPath, enableShareMenu, shareMessage, runFromQuery }
