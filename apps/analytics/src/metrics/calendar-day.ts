import { MetricError, MetricErrorCode } from './metrics.errors';

/** A calendar date `YYYY-MM-DD` in the organisation's zone; the read model converts instants before calling. */
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01; day arithmetic on integers avoids daylight-saving and zone drift. */
export function dayNumber(date: CalendarDate, field: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new MetricError(MetricErrorCode.InvalidDate, `${field} is not a YYYY-MM-DD date`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const millis = Date.UTC(year, month - 1, day);
  const check = new Date(millis);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new MetricError(MetricErrorCode.InvalidDate, `${field} is not a calendar date`);
  }
  return millis / DAY_MS;
}

/** Milliseconds since the epoch of an ISO-8601 instant with offset. */
export function instantMillis(instant: string, field: string): number {
  const millis = Date.parse(instant);
  if (!/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(instant) || Number.isNaN(millis)) {
    throw new MetricError(MetricErrorCode.InvalidInstant, `${field} is not an ISO-8601 instant with offset`);
  }
  return millis;
}

/** An inclusive range of calendar dates. */
export interface DatePeriod {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

export function periodDays(period: DatePeriod): { start: number; end: number } {
  const start = dayNumber(period.start, 'period.start');
  const end = dayNumber(period.end, 'period.end');
  if (end < start) throw new MetricError(MetricErrorCode.InvalidPeriod, 'period.end is before period.start');
  return { start, end };
}
