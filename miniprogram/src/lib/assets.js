// CDN asset URLs, read from static-cdn's manifest.json (logical name -> content-hashed path), never hard-coded.

/**
 * @param {{request: Function}} wxApi
 * @param {string} cdnBase
 */
function createAssets(wxApi, cdnBase) {
  let manifest = null

  function load() {
    if (!manifest) {
      manifest = new Promise((resolve, reject) => {
        wxApi.request({
          url: `${cdnBase}/manifest.json`,
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

  return { url }
}

module.exports = { createAssets }
