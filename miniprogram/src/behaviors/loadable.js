// Shared by every page that loads from the backend: a loading flag, an error the error-state component
// shows, and its retry button calling the page's `reload`.
const { messageFor } = require('../lib/errors')

module.exports = Behavior({
  data: { loading: true, error: null },
  methods: {
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
      /** @type {any} */ (this).reload()
    },
  },
})
