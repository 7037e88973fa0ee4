// What a user reads when something goes wrong: one friendly Chinese sentence per stable error code of
// shared/API.md, plus the failures that never reach the server.

const MESSAGES = {
  BAD_REQUEST: '请求有误，请更新小程序后再试',
  UNAUTHENTICATED: '登录已过期，请重新进入小程序',
  WX_CODE_INVALID: '微信登录失败，请重新进入小程序',
  FORBIDDEN: '你的账号暂时无法参加本活动',
  SELF_BOOST: '不能给自己加速哦，快分享给好友吧',
  NOT_WINNER: '你还没有获得奖品，继续加油',
  WX_RISK_USER: '微信判定当前账号存在风险，暂时无法参加',
  NOT_FOUND: '活动或好友不存在，可能链接已失效',
  ALREADY_BOOSTED: '你已经帮TA加速过了，一人只能帮一次',
  GOAL_REACHED: 'TA已经到达终点啦，不需要再加速了',
  CAMPAIGN_NOT_STARTED: '活动还没开始，请稍后再来',
  CAMPAIGN_ENDED: '活动已经结束了，感谢参与',
  CLAIM_CLOSED: '领奖时间已过，无法再提交',
  PAYLOAD_TOO_LARGE: '填写的内容太长了，请精简后再提交',
  UNSUPPORTED_MEDIA_TYPE: '不支持这种文件格式',
  VALIDATION_FAILED: '填写的信息有误，请检查后再提交',
  CONTENT_RISKY: '内容含有不适宜的信息，请修改后再提交',
  DAILY_LIMIT: '你今天的助力次数已用完，明天再来吧',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  WX_UNAVAILABLE: '微信服务繁忙，请稍后再试',
  UNAVAILABLE: '服务器开小差了，请稍后再试',
  CAMPAIGN_LOCKED: '活动已有人参加，不能再修改目标',
  NETWORK: '网络不给力，请检查网络后重试',
}

const FALLBACK = '出了点问题，请稍后再试'

/** The failure of one API call: `code` is the API's stable code, or NETWORK when no answer came back. */
class ApiError extends Error {
  /**
   * @param {string} code
   * @param {number} status HTTP status, 0 for a network failure
   * @param {object} [problem] the problem+json body
   */
  constructor(code, status, problem) {
    super(messageFor(code))
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.problem = problem || null
  }

  /** Whether trying the same thing again later may succeed (the page then offers a retry button). */
  get retryable() {
    return this.code === 'NETWORK' || this.status === 429 || this.status >= 500
  }
}

/** @param {string} code */
function messageFor(code) {
  return MESSAGES[code] || FALLBACK
}

module.exports = { MESSAGES, ApiError, messageFor }
