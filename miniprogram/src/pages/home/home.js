// The campaign home: title, rules and schedule, the countdown before the start, and the player's own run with
// their face, who invited them and how many they brought. Right after joining it offers the face sheet, once.
const campaignPage = require('../../behaviors/campaign-page')
const { DEFAULT_CAMPAIGN_ID, SUBSCRIBE_TEMPLATE_IDS } = require('../../lib/config')
const { messageFor } = require('../../lib/errors')
const { describeSchedule, formatCountdown } = require('../../lib/display')
const { enableShareMenu, shareMessage } = require('../../lib/share')
const { ASSET } = require('../../lib/assets')
const { DEFAULT_AVATAR, DEFAULT_NICKNAME, rememberAsked, shouldAsk } = require('../../lib/faces')

const ARTWORK = { runner: ASSET.runner, flag: ASSET.flag, shareCard: ASSET.shareCard, iconHelpers: ASSET.iconHelpers, iconRank: ASSET.iconRank, iconTrophy: ASSET.iconTrophy }

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: {
    campaign: null, rules: [], countdown: '', player: null, user: null, faceSheet: '', joining: false, offerSubscribe: false,
    assets: { runner: '', flag: '', shareCard: '', iconHelpers: '', iconRank: '', iconTrophy: '' },
    defaultAvatar: DEFAULT_AVATAR, defaultNickname: DEFAULT_NICKNAME, _countdownTimer: 0,
  },
  methods: {
    /** `via`: the share code of the friend whose landing page sent the user here to join. */
    onLoad(query) {
      const cid = query.cid || DEFAULT_CAMPAIGN_ID
      this.setData({ _cid: cid })
      getApp().services.arrival.remember(cid, query.via)
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
        const [player, user] = campaign.status === 'UPCOMING' ? [null, this.data.user] : await Promise.all([this.loadPlayer(), this.loadUser()])
        this.setData({ campaign, player, user, rules: describeSchedule(campaign.schedule) })
        this.startCountdown()
        this.offerFace()
      })
    },

    /** The signed-in user's face, read once per page; the page works without it (default face). */
    async loadUser() {
      if (this.data.user) return this.data.user
      try {
        return await getApp().services.api.user()
      } catch (err) {
        return null
      }
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
      const { api, arrival } = getApp().services
      const cid = this.data._cid
      try {
        const { joined } = await api.join(cid, await arrival.body(arrival.remembered(cid)))
        arrival.forget(cid)
        const [player, user] = await Promise.all([this.loadPlayer(), this.loadUser()])
        this.setData({ player, user, offerSubscribe: joined })
        this.offerFace()
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

    /** Once a player has a run to share, a user without a face is offered the sheet; once, skippable. */
    offerFace() {
      if (this.data.player && !this.data.faceSheet && shouldAsk(wx, this.data.user)) this.setData({ faceSheet: 'ask' })
    },
    editFace() {
      this.setData({ faceSheet: 'edit' })
    },
    onFaceChange(event) {
      this.setData({ user: event.detail.user })
    },
    onFaceDone(event) {
      rememberAsked(wx)
      this.setData({ user: event.detail.user, faceSheet: '' })
    },
    onFaceSkip() {
      rememberAsked(wx)
      this.setData({ faceSheet: '' })
    },

    openPoster() {
      wx.navigateTo({ url: `/pages/poster/poster?cid=${this.data._cid}` })
    },
    openClaim() {
      wx.navigateTo({ url: `/pages/claim/claim?cid=${this.data._cid}` })
    },

    onShareAppMessage() {
      const { player, user, _cid: cid, assets } = this.data
      if (!player) return { title: this.data.campaign ? this.data.campaign.title : '加速奔向终点', path: `/pages/home/home?cid=${cid}` }
      return shareMessage({ cid, shareCode: player.shareCode, friendsNeeded: player.friendsNeeded, imageUrl: assets.shareCard, nickname: user && user.nickname })
    },
  },
})
