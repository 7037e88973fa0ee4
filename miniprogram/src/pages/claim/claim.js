// The claim form: where a prize holder's desk calendar goes. Fields are checked inline (on blur, then on every
// keystroke once touched); the server's own field errors land beside the same fields.
const { DEFAULT_CAMPAIGN_ID } = require('../../lib/config')
const { messageFor } = require('../../lib/errors')
const { FIELDS, checkField, checkForm, claimBody } = require('../../lib/claim-form')

Component({
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { _cid: '', _touched: {}, form: { name: '', phone: '', address: '' }, errors: {}, formError: '', submitting: false },
  methods: {
    onLoad(query) {
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID })
    },

    onInput(event) {
      const { field } = event.currentTarget.dataset
      const { value } = event.detail
      this.setData({ [`form.${field}`]: value })
      if (this.data._touched[field]) this.setData({ [`errors.${field}`]: checkField(field, value) })
    },

    onBlur(event) {
      const { field } = event.currentTarget.dataset
      this.setData({ [`_touched.${field}`]: true, [`errors.${field}`]: checkField(field, this.data.form[field]) })
    },

    async submit() {
      if (this.data.submitting) return
      const errors = checkForm(this.data.form)
      const touched = {}
      FIELDS.forEach((field) => {
        touched[field] = true
      })
      this.setData({ errors, formError: '', _touched: touched })
      if (Object.keys(errors).length > 0) return

      this.setData({ submitting: true })
      try {
        const claim = await getApp().services.api.claim(this.data._cid, claimBody(this.data.form))
        const query = FIELDS.map((key) => `${key}=${encodeURIComponent(claim[key])}`).join('&')
        wx.redirectTo({ url: `/pages/claim-done/claim-done?cid=${this.data._cid}&${query}` })
      } catch (err) {
        this.showServerError(err)
      }
      this.setData({ submitting: false })
    },

    /** A 422 names the fields it refused; everything else is one message above the button. */
    showServerError(err) {
      const fieldErrors = err.code === 'VALIDATION_FAILED' && err.problem && err.problem.errors
      if (fieldErrors && fieldErrors.some((item) => FIELDS.includes(item.field))) {
        const errors = {}
        fieldErrors.forEach((item) => {
          if (FIELDS.includes(item.field)) errors[item.field] = item.message
        })
        this.setData({ errors })
        return
      }
      this.setData({ formError: messageFor(err.code) })
    },
  },
})
