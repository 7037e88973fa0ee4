// A failed load: the friendly message and, when trying again can help, a retry button.
Component({
  properties: {
    message: { type: String, value: '' },
    retryable: { type: Boolean, value: false },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry')
    },
  },
})
