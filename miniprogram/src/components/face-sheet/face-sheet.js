// The face sheet: pick an avatar (WeChat's chooseAvatar button; uploaded at once) and a nickname (WeChat's
// nickname input; saved through PUT /api/v1/me and its content check). Events: `change` when the avatar is
// stored, `done` after saving, `skip` when the user would rather not; each carries the user as it now is.
const { messageFor } = require('../../lib/errors')
const { DEFAULT_AVATAR, NICKNAME_MESSAGES, AVATAR_MESSAGES, hasNickname, checkNickname } = require('../../lib/faces')

Component({
  properties: {
    /** The signed-in user `{id, nickname, avatarUrl}` as the API last answered. */
    user: { type: Object, value: null },
    /** True when the sheet offers itself (first time): the close button then reads "跳过". */
    asking: { type: Boolean, value: false },
    /** Why a face helps, in the words of the page that opens the sheet. */
    hint: { type: String, value: '' },
  },
  // The app's shared classes (.primary, .muted) apply inside the sheet too.
  options: { pureDataPattern: /^_/, styleIsolation: 'apply-shared' },
  data: {
    _user: null, _typed: false, avatarUrl: '', nickname: '', uploading: false, saving: false, avatarError: '', nicknameError: '',
    defaultAvatar: DEFAULT_AVATAR,
  },
  observers: {
    // The page hands the user back after each change; what the user already typed stays.
    user(user) {
      this.setData({ _user: user, avatarUrl: (user && user.avatarUrl) || '' })
      if (!this.data._typed) this.setData({ nickname: hasNickname(user) ? user.nickname : '' })
    },
  },
  methods: {
    /** The picked image is uploaded right away, so a refusal shows while the user is still looking at it. */
    async onChooseAvatar(event) {
      const filePath = event.detail && event.detail.avatarUrl
      if (!filePath || this.data.uploading) return
      this.setData({ uploading: true, avatarError: '' })
      try {
        const user = await getApp().services.api.uploadAvatar(filePath)
        this.setData({ _user: user, avatarUrl: user.avatarUrl || '' })
        this.triggerEvent('change', { user })
      } catch (err) {
        this.setData({ avatarError: AVATAR_MESSAGES[err.code] || messageFor(err.code) })
      }
      this.setData({ uploading: false })
    },

    onNicknameInput(event) {
      this.setData({ nickname: event.detail.value, nicknameError: '', _typed: true })
    },

    /** WeChat checks a nickname typed into `type="nickname"` itself, and clears it when it fails. */
    onNicknameReview(event) {
      if (event.detail && event.detail.pass === false && !event.detail.timeout) {
        this.setData({ nickname: '', nicknameError: NICKNAME_MESSAGES.CONTENT_RISKY })
      }
    },

    /** The form's submit carries the input's value even when WeChat filled it in without an input event. */
    async save(event) {
      if (this.data.saving || this.data.uploading) return
      const submitted = event && event.detail && event.detail.value ? event.detail.value.nickname : undefined
      const nickname = String(submitted === undefined ? this.data.nickname : submitted).trim()
      const problem = checkNickname(nickname)
      if (problem) {
        this.setData({ nicknameError: problem })
        return
      }
      const current = this.data._user
      if (current && current.nickname === nickname) {
        this.triggerEvent('done', { user: current })
        return
      }
      this.setData({ saving: true, nicknameError: '' })
      try {
        const user = await getApp().services.api.updateUser({ nickname })
        this.setData({ _user: user, saving: false })
        this.triggerEvent('done', { user })
      } catch (err) {
        this.setData({ saving: false, nicknameError: NICKNAME_MESSAGES[err.code] || messageFor(err.code) })
      }
    },

    /** Touches on the mask must not scroll the page behind it. */
    noScroll() {},

    skip() {
      this.triggerEvent('skip', { user: this.data._user })
    },
  },
})
