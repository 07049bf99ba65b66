import { type CalendarDate, type DatePeriod, dayNumber, periodDays } from './calendar-day';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';

export interface PatientVisitCadence {
  /** First day the patient's plan expects visits (plan start or first visit). */
  readonly planStart: CalendarDate;
  /** Last day of the plan, when it was stopped or ended; absent while it runs. */
  readonly planEnd?: CalendarDate;
  /** The plan's expected interval between visits, in days. */
  readonly cadenceDays: number;
  readonly visitDates: readonly CalendarDate[];
}

export interface ChurnResult {
  /** Missed expected visits ÷ expected visits; null when no visit was expected. */
  readonly rate: number | null;
  readonly expectedVisits: number;
  readonly missedVisits: number;
}

interface PatientExpectation {
  readonly expected: number;
  readonly attended: number;
}

function expectationFor(
  patient: PatientVisitCadence,
  index: number,
  period: { start: number; end: number },
): PatientExpectation {
  if (!Number.isInteger(patient.cadenceDays) || patient.cadenceDays <= 0) {
    throw new MetricError(MetricErrorCode.InvalidDuration, `patients[${index}].cadenceDays must be a positive integer`);
  }
  const from = Math.max(period.start, dayNumber(patient.planStart, `patients[${index}].planStart`));
  const planEnd = patient.planEnd === undefined ? period.end : dayNumber(patient.planEnd, `patients[${index}].planEnd`);
  const to = Math.min(period.end, planEnd);
  if (to < from) return { expected: 0, attended: 0 };
  const exposureDays = to - from + 1;
  const attended = patient.visitDates
    .map((date, v) => dayNumber(date, `patients[${index}].visitDates[${v}]`))
    .filter((day) => day >= from && day <= to).length;
  return { expected: Math.floor(exposureDays / patient.cadenceDays), attended };
}

/**
 * Churn from expected visits: each patient is expected floor(exposure days ÷ cadence) visits in the period,
 * exposure being the part of the period their plan covers. A patient's extra visits do not offset another
 * patient's missed ones, so the rate is the share of expected visits that did not happen.
 */
export function churnRate(period: DatePeriod, patients: readonly PatientVisitCadence[]): ChurnResult {
  const days = periodDays(period);
  let expectedVisits = 0;
  let missedVisits = 0;
  patients.forEach((patient, index) => {
    const { expected, attended } = expectationFor(patient, index, days);
    expectedVisits += expected;
    missedVisits += Math.max(0, expected - attended);
  });
  return { rate: expectedVisits === 0 ? null : missedVisits / expectedVisits, expectedVisits, missedVisits };
}

export const CHURN_RATE: MetricDefinition = {
  id: 'churn-rate',
  name: { 'zh-CN': '流失率（按应到诊次）', en: 'Churn rate (against expected visits)' },
  definition: {
    'zh-CN':
      '每位患者在周期内的应到诊次 = ⌊计划覆盖的天数 ÷ 计划随访间隔天数⌋；流失率 = Σ max(0, 应到 − 实到) ÷ Σ 应到。某位患者多来的次数不抵消他人缺席。',
    en: "Each patient's expected visits in the period = ⌊days of the period their plan covers ÷ the plan's visit interval⌋; churn = Σ max(0, expected − actual) ÷ Σ expected. One patient's extra visits do not offset another's missed ones.",
  },
  unit: 'ratio',
};
