// The leaderboard: the top players by progress, refreshed on pull-down (the server allows seconds of staleness).
const loadable = require('../../behaviors/loadable')
const { DEFAULT_CAMPAIGN_ID } = require('../../lib/config')

const SHOWN = 50

Component({
  behaviors: [loadable],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { _cid: '', entries: [] },
  methods: {
    onLoad(query) {
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID })
      this.reload()
    },
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
