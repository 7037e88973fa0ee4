// My helpers: every friend who helped, newest first, with what their help was worth.
const loadable = require('../../behaviors/loadable')
const { DEFAULT_CAMPAIGN_ID } = require('../../lib/config')
const { formatMoment } = require('../../lib/display')

Component({
  behaviors: [loadable],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { _cid: '', boosts: [] },
  methods: {
    onLoad(query) {
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID })
      this.reload()
    },
    reload() {
      return this.runLoad(async () => {
        const { boosts } = await getApp().services.api.myBoosts(this.data._cid)
        this.setData({ boosts: boosts.map((boost) => ({ ...boost, when: formatMoment(boost.at) })) })
      })
    },
  },
})
