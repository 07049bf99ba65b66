import { type CalendarDate, dayNumber } from './calendar-day';
import { shareOf } from './input-checks';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';
import { type DispenseFill, shiftedCoverage } from './proportion-of-days-covered';

export interface RefillOnTimeResult {
  readonly rate: number | null;
  readonly onTime: number;
  /** Fills whose supply (plus grace) ran out by the as-of date, so whether a refill came is known. */
  readonly due: number;
}

/**
 * Refill on time, for one patient and drug class: a fill's refill is due when its shifted supply runs out;
 * it is on time when the next fill is dispensed no later than `graceDays` after that. Fills whose deadline
 * lies after `asOf` are not yet decidable and are left out rather than counted as late.
 */
export function refillOnTime(fills: readonly DispenseFill[], asOf: CalendarDate, graceDays = 7): RefillOnTimeResult {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new MetricError(MetricErrorCode.InvalidDuration, 'graceDays must be a non-negative integer');
  }
  const today = dayNumber(asOf, 'asOf');
  const coverage = shiftedCoverage(fills);
  const dispensedDays = fills
    .map((fill, index) => dayNumber(fill.dispensedOn, `fills[${index}].dispensedOn`))
    .sort((a, b) => a - b);
  let onTime = 0;
  let due = 0;
  coverage.forEach((interval, index) => {
    // The refill is due the day after the supply runs out.
    const deadline = interval.end + 1 + graceDays;
    const nextFill = dispensedDays[index + 1];
    const refilledInTime = nextFill !== undefined && nextFill <= deadline;
    if (!refilledInTime && deadline > today) return;
    due += 1;
    if (refilledInTime) onTime += 1;
  });
  return { rate: shareOf(onTime, due), onTime, due };
}

export const REFILL_ON_TIME: MetricDefinition = {
  id: 'refill-on-time',
  name: { 'zh-CN': '按时续药率', en: 'Refill on time' },
  definition: {
    'zh-CN':
      '每次取药的药量（提前续药顺延后）用完后，宽限期（默认 7 天）内再次取药即为按时；按时续药次数 ÷ 已到期的续药次数。尚未到期的不计入。',
    en: 'A refill is on time when the next fill comes no later than a grace period (default 7 days) after the previous supply, shifted past earlier supply, runs out; on-time refills ÷ refills already due. Refills not yet due are left out.',
  },
  unit: 'ratio',
};
