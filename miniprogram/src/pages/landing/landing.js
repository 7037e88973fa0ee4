// The share landing page: whose run it is (their face), their progress, the "帮TA加速" button, what the tap did,
// and an invitation to join. Opened from a share card (`cid`, `code`) or a scanned mini-program code (`scene`);
// that share code is the `via` the help and a later join report.
const campaignPage = require('../../behaviors/campaign-page')
const { messageFor } = require('../../lib/errors')
const { newIdempotencyKey } = require('../../lib/api')
const { enableShareMenu, forwardTitle, landingPath, runFromQuery } = require('../../lib/share')
const { ASSET } = require('../../lib/assets')
const { DEFAULT_AVATAR, DEFAULT_NICKNAME, rememberAsked, shouldAsk, wasAsked } = require('../../lib/faces')

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: {
    _target: null, _idempotencyKey: '', campaign: null, run: null, result: null, helpError: null, helping: false,
    user: null, faceSheet: false, assets: { runner: '', flag: '' }, defaultAvatar: DEFAULT_AVATAR, defaultNickname: DEFAULT_NICKNAME,
  },
  methods: {
    onLoad(query) {
      const target = runFromQuery(query)
      if (!target) {
        this.setData({ loading: false, error: { message: messageFor('NOT_FOUND'), retryable: false } })
        return
      }
      this.setData({ _target: target })
      getApp().services.arrival.remember(target.cid, target.shareCode)
      enableShareMenu(wx)
      this.loadAssets()
      this.reload()
    },

    reload() {
      const { api } = getApp().services
      const { cid, shareCode } = this.data._target
      return this.runLoad(async () => {
        const [campaign, run] = await Promise.all([api.campaign(cid), api.player(cid, shareCode)])
        this.setData({ campaign, run })
      })
    },

    async loadAssets() {
      try {
        this.setData({ assets: await getApp().services.assets.urls({ runner: ASSET.runner, flag: ASSET.flag }) })
      } catch (err) {
        // The track still shows progress without its artwork.
      }
    },

    /**
     * One help per intent: taps while a request is out are ignored, and a retry after a network failure
     * reuses the same Idempotency-Key, so the server counts the help at most once.
     */
    async help() {
      // setData updates this.data at once, so a second tap in the same tick already sees `helping`.
      if (this.data.helping) return
      this.setData({ helping: true, helpError: null, _idempotencyKey: this.data._idempotencyKey || newIdempotencyKey() })
      const { cid, shareCode } = this.data._target
      const { api, arrival } = getApp().services
      try {
        const result = await api.boost(cid, shareCode, this.data._idempotencyKey, await arrival.body(shareCode))
        this.setData({
          _idempotencyKey: '',
          result,
          'run.progress': result.progress,
          'run.helpers': this.data.run.helpers + 1,
          'run.boostedByMe': true,
          'run.finishedAt': result.finished ? new Date().toISOString() : this.data.run.finishedAt,
        })
        this.offerFace()
      } catch (err) {
        this.setData({ _idempotencyKey: err.retryable ? this.data._idempotencyKey : '', helpError: { message: messageFor(err.code), retryable: Boolean(err.retryable) } })
        this.applyRefusal(err.code)
      }
      this.setData({ helping: false })
    },

    /** Some refusals tell us something lasting about the run; the button then says so instead of inviting taps. */
    applyRefusal(code) {
      if (code === 'ALREADY_BOOSTED') this.setData({ 'run.boostedByMe': true })
      if (code === 'GOAL_REACHED') this.setData({ 'run.finishedAt': this.data.run.finishedAt || new Date().toISOString() })
    },

    /**
     * Right after a help, a helper without a face is offered the sheet (once): the friend's list of helpers
     * then shows who helped instead of "微信用户".
     */
    async offerFace() {
      if (wasAsked(wx)) return // no request at all for a helper already asked
      try {
        const user = await getApp().services.api.user()
        if (shouldAsk(wx, user)) this.setData({ user, faceSheet: true })
      } catch (err) {
        // Not worth an error message: the help went through.
      }
    },
    onFaceChange(event) {
      this.setData({ user: event.detail.user })
    },
    closeFace() {
      rememberAsked(wx)
      this.setData({ faceSheet: false })
    },

    joinToo() {
      const { cid, shareCode } = this.data._target
      wx.reLaunch({ url: `/pages/home/home?cid=${encodeURIComponent(cid)}&via=${encodeURIComponent(shareCode)}` })
    },

    onShareAppMessage() {
      // Passing the card on shares this friend's run, not the helper's own.
      const { cid, shareCode } = this.data._target
      return { title: forwardTitle(this.data.run.nickname), path: landingPath(cid, shareCode) }
    },
  },
})
