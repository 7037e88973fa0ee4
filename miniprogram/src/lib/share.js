// Share cards and the way back in: the path a card or a mini-program code opens, and reading it again.
const { DEFAULT_CAMPAIGN_ID } = require('./config')
const { hasNickname } = require('./faces')

const LANDING_PAGE = '/pages/landing/landing'

/** The page a card for this run opens. */
function landingPath(cid, shareCode) {
  return `${LANDING_PAGE}?cid=${encodeURIComponent(cid)}&code=${encodeURIComponent(shareCode)}`
}

/**
 * Turns on the share menu with share tickets: a card opened in a group then carries a ticket (scene 1044), which
 * turns into the group's encrypted info on join and help (lib/arrival.js).
 */
function enableShareMenu(wxApi) {
  wxApi.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] })
}

/**
 * What onShareAppMessage returns for a player's run: a card that opens their landing page, titled with the
 * player's own nickname when they picked one (a card passed on by others still says whose run it is).
 * @param {{cid: string, shareCode: string, friendsNeeded?: number|null, imageUrl?: string, nickname?: string|null}} run
 */
function shareMessage({ cid, shareCode, friendsNeeded, imageUrl, nickname }) {
  const name = hasNickname({ nickname }) ? nickname.trim() : ''
  let title
  if (name) {
    title = friendsNeeded > 0 ? `${name}还差${friendsNeeded}位好友就到终点了，快来帮TA加速！` : `${name}正在加速奔向终点，快来帮TA加速！`
  } else {
    title = friendsNeeded > 0 ? `我还差${friendsNeeded}位好友就到终点了，快来帮我加速！` : '我正在加速奔向终点，快来帮我加速！'
  }
  const message = { title, path: landingPath(cid, shareCode) }
  if (imageUrl) message.imageUrl = imageUrl
  return message
}

/** The title of a friend's card passed on from their landing page; never "快来帮微信用户加速". */
function forwardTitle(nickname) {
  return hasNickname({ nickname }) ? `快来帮${nickname.trim()}加速！` : '快来帮TA加速！'
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

module.exports = { landingPath, enableShareMenu, shareMessage, forwardTitle, runFromQuery }
