import { type CalendarDate, type DatePeriod, dayNumber, periodDays } from './calendar-day';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';

export interface DispenseFill {
  readonly dispensedOn: CalendarDate;
  readonly daysSupply: number;
}

export interface CoverageInterval {
  /** First covered day (day number) after shifting forward past earlier supply. */
  readonly start: number;
  /** Last covered day, inclusive. */
  readonly end: number;
}

/**
 * Lays fills end to end the PQA way: a fill that arrives while earlier supply remains starts the day after
 * that supply runs out (the patient finishes the old pack first). Reversed dispenses must be removed first.
 */
export function shiftedCoverage(fills: readonly DispenseFill[]): CoverageInterval[] {
  const days = fills.map((fill, index) => {
    if (!Number.isInteger(fill.daysSupply) || fill.daysSupply <= 0) {
      throw new MetricError(MetricErrorCode.InvalidDuration, `fills[${index}].daysSupply must be a positive integer`);
    }
    return { day: dayNumber(fill.dispensedOn, `fills[${index}].dispensedOn`), supply: fill.daysSupply };
  });
  days.sort((a, b) => a.day - b.day);
  const intervals: CoverageInterval[] = [];
  let nextFreeDay = Number.NEGATIVE_INFINITY;
  for (const { day, supply } of days) {
    const start = Math.max(day, nextFreeDay);
    intervals.push({ start, end: start + supply - 1 });
    nextFreeDay = start + supply;
  }
  return intervals;
}

export interface PdcResult {
  /** Covered days ÷ days from the first fill in the period to the period end; null without a fill in it. */
  readonly pdc: number | null;
  readonly coveredDays: number;
  readonly windowDays: number;
}

/**
 * Proportion of days covered for one patient and one drug class (PQA): window from the first fill in the
 * period to the period end; supply shifted forward; coverage clipped to the window, so PDC never exceeds 1.
 * Supply carried into the period from fills before it is not counted, as in the PQA specification.
 */
export function proportionOfDaysCovered(period: DatePeriod, fills: readonly DispenseFill[]): PdcResult {
  const { start, end } = periodDays(period);
  const inPeriod = fills.filter((fill, index) => {
    const day = dayNumber(fill.dispensedOn, `fills[${index}].dispensedOn`);
    return day >= start && day <= end;
  });
  const coverage = shiftedCoverage(inPeriod);
  if (coverage.length === 0) return { pdc: null, coveredDays: 0, windowDays: 0 };
  const windowStart = coverage[0].start;
  const windowDays = end - windowStart + 1;
  const coveredDays = coverage.reduce(
    (sum, interval) => sum + Math.max(0, Math.min(interval.end, end) - Math.max(interval.start, windowStart) + 1),
    0,
  );
  return { pdc: Math.min(1, coveredDays / windowDays), coveredDays, windowDays };
}

export const PROPORTION_OF_DAYS_COVERED: MetricDefinition = {
  id: 'proportion-of-days-covered',
  name: { 'zh-CN': '用药覆盖天数比例 (PDC)', en: 'Proportion of days covered (PDC)' },
  definition: {
    'zh-CN':
      '按患者和药物类别：从周期内首次取药到周期末，有药可用的天数 ÷ 总天数（PQA 方法）。提前续药的余量顺延到上次药量用完之后；封顶为 1；已冲销的发药不计。',
    en: 'Per patient and drug class: days with medication on hand ÷ days from the first fill in the period to the period end (PQA method). An early refill is shifted to start after the previous supply runs out; capped at 1; reversed dispenses are excluded.',
  },
  unit: 'ratio',
};
