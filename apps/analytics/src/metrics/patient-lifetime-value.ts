import { type CalendarDate, dayNumber } from './calendar-day';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';

export interface PatientValueHistory {
  readonly visitDates: readonly CalendarDate[];
  /** Revenue attributed to the patient in the APV window, in minor units (fen) to keep sums exact. */
  readonly revenueInWindowMinor: number;
}

export interface LifetimeValueInput {
  readonly patients: readonly PatientValueHistory[];
  /** Length of the window the revenue was summed over; lifespans are expressed in this unit. */
  readonly windowDays: number;
}

export interface LifetimeValueResult {
  /** APV: revenue per paying patient in the window (minor units), null without paying patients. */
  readonly averagePatientValueMinor: number | null;
  /** Mean of (last visit - first visit) in days over all patients with a visit. */
  readonly averageLifespanDays: number | null;
  /** PLTV = APV x (average lifespan ÷ window length), in minor units. */
  readonly lifetimeValueMinor: number | null;
  readonly patientCount: number;
}

function lifespanDays(patient: PatientValueHistory, index: number): number | null {
  if (patient.visitDates.length === 0) return null;
  const days = patient.visitDates.map((date, v) => dayNumber(date, `patients[${index}].visitDates[${v}]`));
  return Math.max(...days) - Math.min(...days);
}

/**
 * PLTV = APV x average patient lifespan. Lifespan runs from first to last observed visit; patients still
 * active are right-censored at their last visit and kept in the mean, so PLTV is a lower bound that grows
 * as the history lengthens (documented in docs/metrics.md).
 */
export function patientLifetimeValue(input: LifetimeValueInput): LifetimeValueResult {
  if (!Number.isInteger(input.windowDays) || input.windowDays <= 0) {
    throw new MetricError(MetricErrorCode.InvalidDuration, 'windowDays must be a positive integer');
  }
  let revenue = 0;
  let payingPatients = 0;
  let lifespanSum = 0;
  let lifespanCount = 0;
  input.patients.forEach((patient, index) => {
    if (!Number.isInteger(patient.revenueInWindowMinor) || patient.revenueInWindowMinor < 0) {
      throw new MetricError(
        MetricErrorCode.InvalidAmount,
        `patients[${index}].revenueInWindowMinor must be a non-negative integer`,
      );
    }
    if (patient.revenueInWindowMinor > 0) {
      revenue += patient.revenueInWindowMinor;
      payingPatients += 1;
    }
    const lifespan = lifespanDays(patient, index);
    if (lifespan !== null) {
      lifespanSum += lifespan;
      lifespanCount += 1;
    }
  });
  const apv = payingPatients === 0 ? null : revenue / payingPatients;
  const lifespan = lifespanCount === 0 ? null : lifespanSum / lifespanCount;
  const pltv = apv === null || lifespan === null ? null : apv * (lifespan / input.windowDays);
  return {
    averagePatientValueMinor: apv,
    averageLifespanDays: lifespan,
    lifetimeValueMinor: pltv,
    patientCount: lifespanCount,
  };
}

export const PATIENT_LIFETIME_VALUE: MetricDefinition = {
  id: 'patient-lifetime-value',
  name: { 'zh-CN': '患者终身价值 (PLTV)', en: 'Patient lifetime value (PLTV)' },
  definition: {
    'zh-CN':
      'PLTV = APV × 平均患者生命周期。APV = 统计窗口内收入 ÷ 有消费的患者数；生命周期 = 首次到末次就诊的天数，以窗口长度为单位；仍在就诊的患者按末次就诊截尾计入，故为保守下限。',
    en: 'PLTV = APV × average patient lifespan. APV = revenue in the window ÷ patients who paid in it; lifespan = days from first to last visit, in units of the window length; still-active patients are censored at their last visit and kept, so the figure is a conservative lower bound.',
  },
  unit: 'money-minor-units',
};
