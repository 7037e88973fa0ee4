// One person in a list (helpers, leaderboard, winners): rank, avatar, nickname and a note on the right. Someone
// who picked no face shows the default picture and "微信用户".
const { DEFAULT_AVATAR, DEFAULT_NICKNAME } = require('../../lib/faces')

Component({
  properties: {
    rank: { type: Number, value: 0 },
    nickname: { type: String, value: '' },
    avatarUrl: { type: String, value: '' },
    note: { type: String, value: '' },
  },
  data: { defaultAvatar: DEFAULT_AVATAR, defaultNickname: DEFAULT_NICKNAME },
})
