import { type CalendarDate, dayNumber } from './calendar-day';
import { type MetricDefinition } from './metric-definition';

export interface PatientVisits {
  readonly visitDates: readonly CalendarDate[];
  /** Segment labels (e.g. `inpatient`, `chronic`, a specialty) the dashboard can filter on. */
  readonly segments?: readonly string[];
}

export interface TimeBetweenVisitsResult {
  /** Mean gap in days over all consecutive-visit gaps, null with no patient having two visit days. */
  readonly meanDays: number | null;
  readonly gapCount: number;
  readonly patientCount: number;
}

/**
 * Average time between visits, pooled over every gap between a patient's consecutive visit days (so a
 * frequent visitor weighs more than in a mean of patient means). Several visits on one day count as one,
 * otherwise a same-day referral would add a gap of 0.
 */
export function averageTimeBetweenVisits(
  patients: readonly PatientVisits[],
  segment?: string,
): TimeBetweenVisitsResult {
  let gapSum = 0;
  let gapCount = 0;
  let patientCount = 0;
  patients.forEach((patient, index) => {
    if (segment !== undefined && !(patient.segments ?? []).includes(segment)) return;
    const days = [
      ...new Set(patient.visitDates.map((date, v) => dayNumber(date, `patients[${index}].visitDates[${v}]`))),
    ].sort((a, b) => a - b);
    if (days.length < 2) return;
    patientCount += 1;
    gapSum += days[days.length - 1] - days[0];
    gapCount += days.length - 1;
  });
  return { meanDays: gapCount === 0 ? null : gapSum / gapCount, gapCount, patientCount };
}

export const AVERAGE_TIME_BETWEEN_VISITS: MetricDefinition = {
  id: 'average-time-between-visits',
  name: { 'zh-CN': '平均就诊间隔', en: 'Average time between visits' },
  definition: {
    'zh-CN': '所有（或所选分组）患者相邻两次就诊日之间天数的平均值；同一天多次就诊算一次，只有一次就诊的患者不计入。',
    en: 'Mean number of days between consecutive visit days, over all patients or the chosen segment; several visits on one day count once; patients with a single visit day are left out.',
  },
  unit: 'days',
};
