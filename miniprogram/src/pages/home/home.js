// The campaign home: title, rules and schedule, the countdown before the start, and the player's own run.
const campaignPage = require('../../behaviors/campaign-page')
const { DEFAULT_CAMPAIGN_ID, SUBSCRIBE_TEMPLATE_IDS } = require('../../lib/config')
const { messageFor } = require('../../lib/errors')
const { describeSchedule, formatCountdown } = require('../../lib/display')
const { enableShareMenu, shareMessage } = require('../../lib/share')
const { ASSET } = require('../../lib/assets')

const ARTWORK = { runner: ASSET.runner, flag: ASSET.flag, shareCard: ASSET.shareCard, iconHelpers: ASSET.iconHelpers, iconRank: ASSET.iconRank, iconTrophy: ASSET.iconTrophy }

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { campaign: null, rules: [], countdown: '', player: null, joining: false, offerSubscribe: false, assets: { runner: '', flag: '', shareCard: '', iconHelpers: '', iconRank: '', iconTrophy: '' }, _countdownTimer: 0 },
  methods: {
    onLoad(query) {
      this.setData({ _cid: query.cid || DEFAULT_CAMPAIGN_ID })
      enableShareMenu(wx)
      this.loadAssets()
      this.reload()
    },
    onShow() {
      // Coming back from sharing or claiming: the rank and progress have likely moved.
      if (this.data.campaign) this.reload()
    },
    onUnload() {
      clearInterval(this.data._countdownTimer)
    },
    async onPullDownRefresh() {
      await this.reload()
      wx.stopPullDownRefresh()
    },

    reload() {
      const { api } = getApp().services
      return this.runLoad(async () => {
        const campaign = await api.campaign(this.data._cid)
        const player = campaign.status === 'UPCOMING' ? null : await this.loadPlayer()
        this.setData({ campaign, player, rules: describeSchedule(campaign.schedule) })
        this.startCountdown()
      })
    },

    /** The caller's run, or null when they have not joined yet (404). */
    async loadPlayer() {
      try {
        return await getApp().services.api.me(this.data._cid)
      } catch (err) {
        if (err.code === 'NOT_FOUND') return null
        throw err
      }
    },

    async loadAssets() {
      try {
        this.setData({ assets: await getApp().services.assets.urls(ARTWORK) })
      } catch (err) {
        // Without the CDN the page still works: no runner artwork, and WeChat draws a default share image.
      }
    },

    startCountdown() {
      clearInterval(this.data._countdownTimer)
      if (this.data.campaign.status !== 'UPCOMING') return
      const startsAt = Date.parse(this.data.campaign.startsAt)
      const tick = () => {
        const left = startsAt - Date.now()
        this.setData({ countdown: formatCountdown(left) })
        if (left <= 0) {
          clearInterval(this.data._countdownTimer)
          this.reload()
        }
      }
      tick()
      this.setData({ _countdownTimer: setInterval(tick, 1000) })
    },

    async join() {
      if (this.data.joining) return
      this.setData({ joining: true })
      try {
        const { joined } = await getApp().services.api.join(this.data._cid)
        this.setData({ player: await this.loadPlayer(), offerSubscribe: joined })
      } catch (err) {
        wx.showToast({ title: messageFor(err.code), icon: 'none' })
      }
      this.setData({ joining: false })
    },

    /**
     * Right after a first join is when a user wants to hear back. WeChat only shows the consent dialog from a
     * tap, so the page offers a button instead of asking after the join request returns.
     */
    subscribe() {
      this.setData({ offerSubscribe: false })
      wx.requestSubscribeMessage({ tmplIds: SUBSCRIBE_TEMPLATE_IDS, fail: () => {} })
    },

    openPoster() {
      wx.navigateTo({ url: `/pages/poster/poster?cid=${this.data._cid}` })
    },
    openClaim() {
      wx.navigateTo({ url: `/pages/claim/claim?cid=${this.data._cid}` })
    },

    onShareAppMessage() {
      const { player, _cid: cid, assets } = this.data
      if (!player) return { title: this.data.campaign ? this.data.campaign.title : '加速奔向终点', path: `/pages/home/home?cid=${cid}` }
      return shareMessage({ cid, shareCode: player.shareCode, friendsNeeded: player.friendsNeeded, imageUrl: assets.shareCard })
    },
  },
})
