// The "accelerating toward the goal" view: a track, a runner that animates forward whenever progress grows,
// and the finish flag.
const { percentOf } = require('../../lib/display')

/** How long the runner keeps running after progress changes; matches the 1.2 s transition in the WXSS. */
const RUN_MS = 1200

Component({
  properties: {
    progress: { type: Number, value: 0 },
    goal: { type: Number, value: 0 },
    runnerUrl: { type: String, value: '' },
    flagUrl: { type: String, value: '' },
  },
  options: { pureDataPattern: /^_/ },
  data: { percent: 0, moving: false, _stopTimer: 0 },
  observers: {
    'progress, goal': function update(progress, goal) {
      const percent = percentOf(progress, goal)
      if (percent === this.data.percent) return
      this.setData({ percent, moving: true })
      clearTimeout(this.data._stopTimer)
      this.setData({ _stopTimer: setTimeout(() => this.setData({ moving: false }), RUN_MS) })
    },
  },
  lifetimes: {
    detached() {
      clearTimeout(this.data._stopTimer)
    },
  },
})
