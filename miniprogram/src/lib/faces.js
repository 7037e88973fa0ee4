// Faces: the nickname and avatar a user picks (WeChat hands a mini-program neither), how they read on screen when
// there are none, what the nickname must be, and remembering that the user was asked once.

/** What WeChat and the backend call someone who has not picked a nickname. */
const DEFAULT_NICKNAME = '微信用户'

/** Shown for anyone without an avatar; shipped in the package so it never depends on the network. */
const DEFAULT_AVATAR = '/images/default-avatar.png'

/** Storage key: the user has been offered the face sheet (and saved or skipped it); it is not offered again. */
const ASKED_KEY = 'jiasu.faces.asked'

const NICKNAME_MAX = 20

/** Length in code points, as the server counts them. */
const length = (text) => Array.from(text).length

/** @param {{nickname?: string|null}|null} user */
function hasNickname(user) {
  const nickname = user && user.nickname ? user.nickname.trim() : ''
  return nickname !== '' && nickname !== DEFAULT_NICKNAME
}

/** @param {{avatarUrl?: string|null}|null} user */
function hasAvatar(user) {
  return Boolean(user && user.avatarUrl)
}

/** Whether this user still shows as "微信用户" or with the grey picture somewhere. */
function needsFace(user) {
  return !hasNickname(user) || !hasAvatar(user)
}

/** @returns {string} the problem with a nickname about to be saved, or '' */
function checkNickname(text) {
  const nickname = String(text || '').trim()
  if (length(nickname) === 0) return '请填写昵称'
  if (length(nickname) > NICKNAME_MAX) return `昵称最多${NICKNAME_MAX}个字`
  return ''
}

/** What the user reads when saving the nickname fails. */
const NICKNAME_MESSAGES = {
  CONTENT_RISKY: '这个昵称未通过微信内容安全检测，请换一个',
  VALIDATION_FAILED: `昵称需为1到${NICKNAME_MAX}个字，请修改后再保存`,
}

/** What the user reads when an avatar upload fails (the generic sentences speak of forms, not pictures). */
const AVATAR_MESSAGES = {
  PAYLOAD_TOO_LARGE: '图片太大了，请选一张1MB以内的图片',
  UNSUPPORTED_MEDIA_TYPE: '只支持JPG或PNG格式的图片，请换一张',
  VALIDATION_FAILED: '这张图片无法识别或尺寸过大，请换一张',
}

/**
 * Every `avatarUrl` in an API answer, made absolute: the backend gives either a full URL (a CDN base) or a path
 * such as `/media/avatars/<sha256>.png` on the API host. Empty values stay empty (the views show the default).
 * @param {string} apiBase
 * @param {any} data a parsed answer; changed in place and returned
 */
function absoluteAvatars(apiBase, data) {
  if (Array.isArray(data)) {
    data.forEach((item) => absoluteAvatars(apiBase, item))
  } else if (data && typeof data === 'object') {
    Object.keys(data).forEach((key) => {
      const value = data[key]
      if (key === 'avatarUrl' && typeof value === 'string' && value.startsWith('/')) data[key] = apiBase + value
      else absoluteAvatars(apiBase, value)
    })
  }
  return data
}

/** @param {Pick<WechatMiniprogram.Wx, 'getStorageSync'>} wxApi */
function wasAsked(wxApi) {
  return Boolean(wxApi.getStorageSync(ASKED_KEY))
}

/** @param {Pick<WechatMiniprogram.Wx, 'setStorageSync'>} wxApi */
function rememberAsked(wxApi) {
  wxApi.setStorageSync(ASKED_KEY, true)
}

/** Whether to offer the face sheet on its own now: once per user, and only while they have no face. */
function shouldAsk(wxApi, user) {
  return Boolean(user) && needsFace(user) && !wasAsked(wxApi)
}

module.exports = {
  DEFAULT_NICKNAME,
  DEFAULT_AVATAR,
  ASKED_KEY,
  NICKNAME_MESSAGES,
  AVATAR_MESSAGES,
  hasNickname,
  hasAvatar,
  needsFace,
  checkNickname,
  absoluteAvatars,
  wasAsked,
  rememberAsked,
  shouldAsk,
}
