// CDN asset URLs, read from static-cdn's manifest.json (logical name -> content-hashed path), never hard-coded.

/** The logical names the pages use; static-cdn/assets.json builds each of them. */
const ASSET = {
  shareCard: 'share-card.png',
  posterBackground: 'poster-bg.png',
  runner: 'runner-sprite.png',
  flag: 'flag.png',
  iconHelpers: 'icon-helpers.svg',
  iconRank: 'icon-rank.svg',
  iconTrophy: 'icon-trophy.svg',
}

/**
 * @param {WechatMiniprogram.Wx} wxApi
 * @param {string} cdnBase
 * @param {Record<string, string>} headers sent with the manifest request (the launch headers)
 */
function createAssets(wxApi, cdnBase, headers) {
  let manifest = null

  function load() {
    if (!manifest) {
      manifest = new Promise((resolve, reject) => {
        wxApi.request({
          url: `${cdnBase}/manifest.json`,
          header: headers,
          success: (res) => (res.statusCode === 200 ? resolve(res.data) : reject(new Error(`manifest ${res.statusCode}`))),
          fail: (err) => reject(new Error(err.errMsg)),
        })
      }).catch((err) => {
        manifest = null // try again on the next call rather than remembering a failed load
        throw err
      })
    }
    return manifest
  }

  /** @param {string} name a logical asset name such as `share-card.png` */
  async function url(name) {
    const files = await load()
    if (!files[name]) throw new Error(`asset ${name} is not in the manifest`)
    return cdnBase + files[name]
  }

  /**
   * Several URLs at once.
   * @param {Record<string, string>} names key -> logical name
   * @returns {Promise<Record<string, string>>} key -> URL
   */
  async function urls(names) {
    const keys = Object.keys(names)
    const found = await Promise.all(keys.map((key) => url(names[key])))
    return Object.fromEntries(keys.map((key, i) => [key, found[i]]))
  }

  return { url, urls }
}

module.exports = { ASSET, createAssets }
