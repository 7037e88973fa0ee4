// The one place that says where each build of the mini-program talks to. WeChat tells the running code which
// build it is (develop in the IDE, trial for testers, release for everyone) through getAccountInfoSync.

/** Version sent in X-Client-Version when WeChat has none (develop builds carry no version number). */
const CLIENT_VERSION = '1.0.0'

const ENVIRONMENTS = {
  develop: {
    apiBase: 'http://127.0.0.1:8080',
    // static-cdn/test.sh and `npm run serve` in static-cdn/ serve the built assets on this port.
    cdnBase: 'http://127.0.0.1:18180',
  },
  trial: {
    apiBase: 'https://api-trial.jiasu.example.com',
    cdnBase: 'https://cdn.jiasu.example.com',
  },
  release: {
    apiBase: 'https://api.jiasu.example.com',
    cdnBase: 'https://cdn.jiasu.example.com',
  },
}

/** The campaign the home page opens when the launch path names none. */
const DEFAULT_CAMPAIGN_ID = 'run-2027'

/** Subscribe-message templates (set in the WeChat console): "you reached the goal" and "a friend helped you". */
const SUBSCRIBE_TEMPLATE_IDS = ['TEMPLATE_GOAL_REACHED', 'TEMPLATE_FRIEND_HELPED']

/**
 * The settings of the running build.
 * @param {{getAccountInfoSync?: () => {miniProgram: {envVersion: string, version?: string}}}} wxApi
 * @returns {{envVersion: string, apiBase: string, cdnBase: string, clientVersion: string}}
 */
function currentConfig(wxApi) {
  const miniProgram = wxApi.getAccountInfoSync ? wxApi.getAccountInfoSync().miniProgram : null
  const envVersion = miniProgram && ENVIRONMENTS[miniProgram.envVersion] ? miniProgram.envVersion : 'release'
  return {
    envVersion,
    ...ENVIRONMENTS[envVersion],
    clientVersion: (miniProgram && miniProgram.version) || CLIENT_VERSION,
  }
}

module.exports = { ENVIRONMENTS, DEFAULT_CAMPAIGN_ID, SUBSCRIBE_TEMPLATE_IDS, currentConfig }
