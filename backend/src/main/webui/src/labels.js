// Chinese words for the backend's English identifiers.
export const STATUS = { UPCOMING: '未开始', LIVE: '进行中', ENDED: '已结束' }
export const WINNER = {
  UNCLAIMED: '未填地址',
  CLAIMED: '已填地址',
  PENDING_REVIEW: '待人工审核',
  REJECTED: '已驳回',
  REVOKED: '已作废（封禁）',
}
export const ACTION = {
  'campaign.define': '保存活动',
  'player.ban': '封禁玩家',
  'player.unban': '解封玩家',
  'claims.view': '查看领奖信息',
  'claim.review': '审核领奖信息',
  'winners.export': '导出获奖名单',
  'participants.export': '导出参与者',
  'help.review': '审核助力',
  'risk.policy': '设置风险策略',
  'claims.rekey': '更换加密密钥',
}
const FIELD = {
  id: '活动ID', title: '标题', description: '说明', startsAt: '开始时间', endsAt: '结束时间',
  claimDeadline: '领奖截止', goal: '目标', prizeTotal: '奖品数量', dailyHelpLimit: '每日助力上限',
  timeZone: '时区', schedule: '加速规则',
}
/** The backend's English validation message, in Chinese where we know it. */
export function fieldMessage(message) {
  const known = [
    [/^is required$/, '必填'],
    [/^must be (\d+) to (\d+) characters$/, '长度须为 $1–$2 个字'],
    [/^must be (\d+) to (\d+)$/, '须为 $1–$2'],
    [/^must be after startsAt$/, '须晚于开始时间'],
    [/^must not be before endsAt$/, '不能早于结束时间'],
    [/^must be at most 90 days after startsAt$/, '活动最长 90 天'],
    [/^must be at least 1$/, '至少为 1'],
    [/^the last tier must be open-ended \(null\)$/, '最后一档不限人数'],
    [/^must be at least 1; only the last tier is open-ended$/, '至少 1 人；只有最后一档不限人数'],
    [/^must have 1 to (\d+) tiers$/, '须有 1–$1 档'],
    [/^must reach the goal within (\d+) helps$/, '须在 $1 次助力内到达目标'],
    [/^must be at least the (\d+) prizes already taken$/, '不能少于已发出的 $1 份奖品'],
    [/^must be 1 to 40 letters, digits, '-' or '_'$/, '1–40 位字母、数字、- 或 _'],
  ]
  for (const [pattern, chinese] of known) if (pattern.test(message)) return message.replace(pattern, chinese)
  return message
}
export const fieldName = (field) => FIELD[field] || field
/** WeChat launch scenes the loop meets most (wx.getLaunchOptionsSync().scene). */
export const SCENE = {
  1001: '发现栏入口', 1007: '单聊卡片', 1008: '群聊卡片', 1011: '扫二维码', 1012: '长按识别二维码',
  1035: '公众号菜单', 1036: 'App 分享卡片', 1037: '小程序跳转', 1044: '群聊卡片（带 shareTicket）',
  1047: '扫小程序码', 1048: '长按识别小程序码', 1049: '相册小程序码', 1058: '公众号文章',
  1074: '公众号消息卡片', 1089: '下拉最近使用', 1104: '下拉我的小程序', 1154: '朋友圈单页',
}
/** Risk signals on a help or a player (backend risk/): a short label and what it means. */
export const RISK = {
  wxRisk: { label: '微信高风险', hint: '微信 getUserRiskRank 判定助力人风险等级高（营销场景）' },
  network: { label: '同网段集中', hint: '短时间内同一网络（/24）向该玩家助力过多' },
  newAccount: { label: '新号即走', hint: '助力人刚注册不久、助力后没有参与活动' },
  ring: { label: '互助圈', hint: '与该玩家互相助力的人较多（刷助力团伙的特征）' },
  held: { label: '被暂扣', hint: '按风险策略暂扣、等待审核的助力' },
}
/** Where a help stands: counted, held for review, or decided. */
export const HELP_STATE = { COUNTED: '已计入', HELD: '待审核', APPROVING: '通过中', APPROVED: '已通过', REJECTED: '已驳回' }
/** A campaign's risk policy. */
export const POLICY = { count: '照常计入（count）', hold: '暂扣待审（hold）', refuse: '直接拒绝（refuse）' }
/** Why an approved help could not count after all. */
export const REFUSAL = { ALREADY_BOOSTED: '该好友已助力过', GOAL_REACHED: '玩家已到达终点' }
