/** The clock, read only here and in the CLI/server (DESIGN.md habit 6). RATSRADAR_TODAY=YYYY-MM-DD pins "today". */

/** Today's date in Europe/Berlin as YYYY-MM-DD, or RATSRADAR_TODAY when set. */
export function todayInBerlin(now: Date = new Date()): string {
  const pinned = process.env.RATSRADAR_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
