// My helpers: every friend who helped, newest first, with what their help was worth.
const campaignPage = require('../../behaviors/campaign-page')
const { formatMoment } = require('../../lib/display')

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { boosts: [] },
  methods: {
    reload() {
      return this.runLoad(async () => {
        const { boosts } = await getApp().services.api.myBoosts(this.data._cid)
        this.setData({ boosts: boosts.map((boost) => ({ ...boost, when: formatMoment(boost.at) })) })
      })
    },
  },
})
