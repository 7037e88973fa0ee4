// The published boost schedule, as the backend computes it (campaign/Schedule.java): progress is a pure function of
// how many friends helped, so the form can preview exactly how many friends a player needs.

/** How many helps reach the goal; null when the schedule can't (no open-ended last tier or a bad amount). */
export function helpsToReach(goal, tiers) {
  let progress = 0
  let helps = 0
  for (const tier of tiers) {
    if (!(tier.amount >= 1)) return null
    const needed = Math.ceil((goal - progress) / tier.amount)
    if (tier.helpers == null || needed <= tier.helpers) return helps + Math.max(needed, 0)
    helps += tier.helpers
    progress += tier.helpers * tier.amount
  }
  return null
}

/** One line per tier: which friends it covers, what each adds, where the player stands after it. */
export function preview(goal, tiers) {
  const lines = []
  let first = 1
  let progress = 0
  for (const tier of tiers) {
    if (!(tier.amount >= 1) || progress >= goal) break
    const last = tier.helpers == null ? first + Math.ceil((goal - progress) / tier.amount) - 1 : first + tier.helpers - 1
    const reached = Math.min(goal, progress + (last - first + 1) * tier.amount)
    lines.push({ from: first, to: last, amount: tier.amount, reached, openEnded: tier.helpers == null })
    progress = reached
    first = last + 1
  }
  return lines
}
