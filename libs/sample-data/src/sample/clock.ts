/**
 * Times are Asia/Shanghai wall-clock times held as epoch milliseconds whose UTC fields are the local
 * fields: China has had no daylight saving since 1991, so local = UTC+08:00 all year and plain UTC
 * arithmetic is calendar arithmetic.
 */
export type LocalTime = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function localDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): LocalTime {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** `YYYY-MM-DD` to that day's midnight; undefined when it is not a real calendar date. */
export function parseLocalDate(text: string): LocalTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const t = localDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return formatDate(t) === text ? t : undefined;
}

/** Today in Asia/Shanghai, whatever the machine's zone. */
export function todayInShanghai(now: number = Date.now()): LocalTime {
  const local = new Date(now + OFFSET);
  return localDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

export function addMonths(t: LocalTime, months: number): LocalTime {
  const d = new Date(t);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return localDate(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(d.getUTCDate(), lastDay));
}

export function startOfDay(t: LocalTime): LocalTime {
  return t - (((t % DAY) + DAY) % DAY);
}

export function formatDate(t: LocalTime): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatMonth(t: LocalTime): string {
  return formatDate(t).slice(0, 7);
}

/** HL7 v2 DTM without offset (read in the feed's zone, Asia/Shanghai). */
export function formatHl7(t: LocalTime): string {
  return formatCsv(t).replace(/[- :]/g, '');
}

/** FHIR dateTime / instant with the +08:00 offset. */
export function formatIso(t: LocalTime): string {
  return `${formatCsv(t).replace(' ', 'T')}+08:00`;
}

/** ERP exports: local `YYYY-MM-DD HH:MM:SS`. */
export function formatCsv(t: LocalTime): string {
  const d = new Date(t);
  return `${formatDate(t)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
