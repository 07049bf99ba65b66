import { MetricQueryError, MetricQueryErrorCode } from './query.errors';

export const DIMENSIONS = [
  'site',
  'department',
  'doctor',
  'disease',
  'drugClass',
  'channel',
  'ageBand',
  'period',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type FilterDimension = Exclude<Dimension, 'period'>;
export type Interval = 'day' | 'week' | 'month';

/** One metric request: organisation, inclusive local-date period, optional grouping and filters. */
export interface MetricQuery {
  readonly org: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy?: Dimension;
  readonly interval: Interval;
  readonly filters: Partial<Record<FilterDimension, string>>;
  /** Instant "now" for open tasks and complaints; the end of `to` when that is earlier. */
  readonly asOf: string;
  readonly params: MetricParams;
}

/** Per-metric knobs, each documented in docs/metrics.md with its default. */
export interface MetricParams {
  /** PRR: a patient is on the books on a day when they visited within this many days up to it. */
  readonly activeDays: number;
  /** Churn: expected days between visits. */
  readonly cadenceDays: number;
  /** Complaints: resolution SLA in hours. */
  readonly slaHours: number;
  /** PDC: coding system whose codes are the drug classes. */
  readonly classSystem: string;
  /** Refill on time: days of grace after the supply runs out. */
  readonly graceDays: number;
  /** Lift: restrict to one plan's cohort. */
  readonly plan?: string;
  readonly level: 0.9 | 0.95 | 0.99;
}

/** Age bands the dashboard groups by; age is taken on the day of the fact. */
export const AGE_BANDS = ['0-17', '18-44', '45-59', '60-74', '75+', 'unknown'] as const;

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function assertPeriod(from: string, to: string): void {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!valid(from) || !valid(to)) {
    throw new MetricQueryError(MetricQueryErrorCode.InvalidPeriod, 'from and to must be calendar dates YYYY-MM-DD');
  }
  if (to < from) throw new MetricQueryError(MetricQueryErrorCode.InvalidPeriod, 'to is before from');
  if (daysBetween(from, to) > 3 * 366) {
    throw new MetricQueryError(MetricQueryErrorCode.InvalidPeriod, 'a period may span at most three years');
  }
}

/** Sub-periods of [from, to] cut at day, ISO week (Monday) or month boundaries. */
export function periodBuckets(from: string, to: string, interval: Interval): { start: string; end: string }[] {
  const buckets: { start: string; end: string }[] = [];
  let start = from;
  while (start <= to) {
    let next: string;
    if (interval === 'day') next = addDays(start, 1);
    else if (interval === 'week') {
      const weekday = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7;
      next = addDays(start, 7 - weekday);
    } else {
      const d = new Date(`${start}T00:00:00Z`);
      next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    }
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    buckets.push({ start, end });
    start = next;
  }
  return buckets;
}
