// Campaign times are instants; operators type and read them as wall-clock times in the campaign's time zone.

function offsetMinutes(instant, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(instant).map((p) => [p.type, p.value]))
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return Math.round((wall - instant.getTime()) / 60000)
}

/** "2026-12-26T12:00" in zone → ISO instant; null when empty or malformed. */
export function toInstant(local, zone) {
  if (!local || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
  const [date, time] = local.split('T')
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const guess = Date.UTC(y, m - 1, d, hh, mm)
  const offset = offsetMinutes(new Date(guess), zone)
  return new Date(guess - offset * 60000).toISOString().replace('.000Z', 'Z')
}

/** ISO instant → "2026-12-26T12:00" in zone, for a datetime-local input. */
export function toLocalInput(iso, zone) {
  if (!iso) return ''
  const instant = new Date(iso)
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, zone) * 60000)
  return shifted.toISOString().slice(0, 16)
}

/** A short readable time in zone: 12-26 12:00. */
export function show(iso, zone = 'Asia/Shanghai', withSeconds = false) {
  if (!iso) return '—'
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: zone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined, hourCycle: 'h23',
  }).format(new Date(iso))
}
