// Shared by the pages of one campaign that load from the backend: the campaign id from the query, a loading
// flag, the error the error-state component shows, and its retry button calling the page's `reload`. Pages
// declare `pureDataPattern: /^_/`, so `_cid` and their other `_` fields are never rendered.
const { DEFAULT_CAMPAIGN_ID } = require('../lib/config')
const { messageFor } = require('../lib/errors')

module.exports = Behavior({
  data: { _cid: '', loading: true, error: null },
  methods: {
    /** The usual start; pages with more in their query (home, landing) define their own. */
    onLoad(query) {
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID })
      this.retry()
    },
    /** Runs the page's loading function, turning a failure into the error the page shows. */
    async runLoad(load) {
      this.setData({ loading: true, error: null })
      try {
        await load()
      } catch (err) {
        this.setData({ error: { message: messageFor(err.code), retryable: Boolean(err.retryable) } })
      }
      this.setData({ loading: false })
    },
    retry() {
      // Every page using this behavior defines `reload`; the behavior cannot declare it for the type checker.
      return /** @type {any} */ (this).reload()
    },
  },
})
