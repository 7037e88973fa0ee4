// The leaderboard: the top players by progress, refreshed on pull-down (the server allows seconds of staleness).
const campaignPage = require('../../behaviors/campaign-page')

const SHOWN = 50

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { entries: [] },
  methods: {
    async onPullDownRefresh() {
      await this.reload()
      wx.stopPullDownRefresh()
    },
    reload() {
      return this.runLoad(async () => {
        const { entries } = await getApp().services.api.leaderboard(this.data._cid, SHOWN)
        this.setData({ entries })
      })
    },
  },
})
