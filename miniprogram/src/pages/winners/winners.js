// The winners: exactly the prize holders, in the order they reached the goal.
const loadable = require('../../behaviors/loadable')
const { DEFAULT_CAMPAIGN_ID } = require('../../lib/config')
const { formatMoment } = require('../../lib/display')

Component({
  behaviors: [loadable],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { _cid: '', winners: [] },
  methods: {
    onLoad(query) {
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID })
      this.reload()
    },
    reload() {
      return this.runLoad(async () => {
        const { winners } = await getApp().services.api.winners(this.data._cid)
        this.setData({ winners: winners.map((winner) => ({ ...winner, when: formatMoment(winner.finishedAt) })) })
      })
    },
  },
})
