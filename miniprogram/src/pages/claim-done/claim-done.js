// The claim confirmation: what the server stored (the phone number as it came back, masked).
const { DEFAULT_CAMPAIGN_ID } = require('../../lib/config')

Component({
  data: { name: '', phone: '', address: '' },
  methods: {
    onLoad(query) {
      this.cid = query.cid || DEFAULT_CAMPAIGN_ID
      const read = (key) => {
        try {
          return decodeURIComponent(query[key] || '')
        } catch (err) {
          return query[key] // already decoded by the base library, and holds a bare '%'
        }
      }
      this.setData({ name: read('name'), phone: read('phone'), address: read('address') })
    },
    backHome() {
      wx.reLaunch({ url: `/pages/home/home?cid=${this.cid}` })
    },
  },
})
