// The claim confirmation: what the server stored (the phone number as it came back, masked).
const { DEFAULT_CAMPAIGN_ID } = require('../../lib/config')

Component({
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { _cid: '', name: '', phone: '', address: '' },
  methods: {
    onLoad(query) {
      const read = (key) => {
        try {
          return decodeURIComponent(query[key] || '')
        } catch (err) {
          return query[key] // already decoded by the base library, and holds a bare '%'
        }
      }
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID, name: read('name'), phone: read('phone'), address: read('address') })
    },
    backHome() {
      wx.reLaunch({ url: `/pages/home/home?cid=${this.data._cid}` })
    },
  },
})
