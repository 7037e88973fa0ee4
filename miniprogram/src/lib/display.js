// How campaign numbers read on screen: the published schedule in words, the countdown, the progress percentage.

/**
 * @param {Array<{helpers: number|null, amount: number}>} schedule
 * @returns {string[]} one line per step, e.g. `第1-5位好友：每人加速200`
 */
function describeSchedule(schedule) {
  let first = 1
  return schedule.map((step) => {
    if (step.helpers === null || step.helpers === undefined) return `第${first}位起的好友：每人加速${step.amount}`
    const last = first + step.helpers - 1
    const who = first === last ? `第${first}位好友` : `第${first}-${last}位好友`
    first = last + 1
    return `${who}：每人加速${step.amount}`
  })
}

/** @param {number} ms time left; the view ticks every second */
function formatCountdown(ms) {
  const total = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(total / 86400)
  const pad = (n) => String(n).padStart(2, '0')
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? `${days}天 ${clock}` : clock
}

/** Progress as a whole percentage of the goal, for the track's width. */
function percentOf(progress, goal) {
  if (!goal) return 0
  return Math.min(100, Math.floor((progress * 100) / goal))
}

/** An API instant as local `MM-DD HH:mm`, for lists. */
function formatMoment(iso) {
  const at = new Date(iso)
  const pad = (n) => String(n).padStart(2, '0')
  return `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}

module.exports = { describeSchedule, formatCountdown, percentOf, formatMoment }
