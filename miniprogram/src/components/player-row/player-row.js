// One person in a list (helpers, leaderboard, winners): rank, avatar, nickname and a note on the right.
Component({
  properties: {
    rank: { type: Number, value: 0 },
    nickname: { type: String, value: '' },
    avatarUrl: { type: String, value: '' },
    note: { type: String, value: '' },
  },
})
