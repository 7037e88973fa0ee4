// The winners: exactly the prize holders, in the order they reached the goal.
const campaignPage = require('../../behaviors/campaign-page')
const { formatMoment } = require('../../lib/display')

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { winners: [] },
  methods: {
    reload() {
      return this.runLoad(async () => {
        const { winners } = await getApp().services.api.winners(this.data._cid)
        this.setData({ winners: winners.map((winner) => ({ ...winner, when: formatMoment(winner.finishedAt) })) })
      })
    },
  },
})
