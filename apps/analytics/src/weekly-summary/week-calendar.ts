/** Local date and time of day of an instant in an IANA zone. */
export function localNow(now: Date, zone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/**
 * The latest week whose summary is due: last week once this Monday's `runAt` (HH:MM, local) has passed,
 * otherwise the week before it (its summary was due last Monday).
 */
export function latestDueWeek(now: Date, zone: string, runAt: string): string {
  const local = localNow(now, zone);
  const [hours, minutes] = runAt.split(':').map(Number);
  const monday = mondayOf(local.date);
  const runToday = local.date === monday && local.minutes < hours! * 60 + minutes!;
  return addDays(monday, runToday ? -14 : -7);
}
