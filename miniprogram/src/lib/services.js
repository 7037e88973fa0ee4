// Builds the app's request layer, API, arrival info and asset lookup once, from the running build's config.
const { currentConfig } = require('./config')
const { createClient, launchHeaders } = require('./client')
const { createApi } = require('./api')
const { createArrival } = require('./arrival')
const { createAssets } = require('./assets')

/** @param {WechatMiniprogram.Wx} wxApi */
function createServices(wxApi) {
  const config = currentConfig(wxApi)
  const client = createClient({ wx: wxApi, apiBase: config.apiBase, clientVersion: config.clientVersion })
  return {
    config,
    api: createApi(client),
    arrival: createArrival({ wx: wxApi, client }),
    assets: createAssets(wxApi, config.cdnBase, launchHeaders(wxApi, config.clientVersion)),
  }
}

module.exports = { createServices }
