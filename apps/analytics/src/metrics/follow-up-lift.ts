import { type ConfidenceLevel, type ProportionDifference, newcombeDifference } from './proportion-interval';
import { shareOf } from './input-checks';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';

export type StudyArm = 'followed-up' | 'control';

export interface PatientOutcome {
  readonly arm: StudyArm;
  /** Retention: came back within the period. Adherence: PDC at or above the threshold (see isAdherent). */
  readonly success: boolean;
}

export interface ArmSummary {
  readonly rate: number | null;
  readonly successes: number;
  readonly patients: number;
}

export interface LiftResult {
  readonly followedUp: ArmSummary;
  readonly control: ArmSummary;
  /** followed-up rate − control rate in proportion units, with Newcombe's hybrid score interval. */
  readonly lift: ProportionDifference;
}

function summarise(outcomes: readonly PatientOutcome[], arm: StudyArm): ArmSummary {
  const inArm = outcomes.filter((outcome) => outcome.arm === arm);
  const successes = inArm.filter((outcome) => outcome.success).length;
  return { rate: shareOf(successes, inArm.length), successes, patients: inArm.length };
}

/**
 * Lift of follow-up on retention or adherence: the difference of proportions between followed-up patients
 * and a control group held out from follow-up. Only a randomised hold-out makes this a causal effect; the
 * interval covers sampling noise only.
 */
export function followUpLift(outcomes: readonly PatientOutcome[], level: ConfidenceLevel = 0.95): LiftResult {
  const followedUp = summarise(outcomes, 'followed-up');
  const control = summarise(outcomes, 'control');
  const lift = newcombeDifference(
    followedUp.successes,
    followedUp.patients,
    control.successes,
    control.patients,
    level,
  );
  return { followedUp, control, lift };
}

/** PQA's adherence threshold: PDC of 80 % or more. */
export const PDC_ADHERENCE_THRESHOLD = 0.8;

export function isAdherent(pdc: number, threshold: number = PDC_ADHERENCE_THRESHOLD): boolean {
  if (!(pdc >= 0 && pdc <= 1) || !(threshold > 0 && threshold <= 1)) {
    throw new MetricError(MetricErrorCode.InvalidScore, 'pdc and threshold must lie in [0, 1]');
  }
  return pdc >= threshold;
}

export const RETENTION_LIFT: MetricDefinition = {
  id: 'retention-lift',
  name: { 'zh-CN': '随访对留存的提升', en: 'Follow-up lift on retention' },
  definition: {
    'zh-CN':
      '随访组留存率 − 对照组留存率，附 95% 置信区间（Newcombe 混合 Wilson 得分法，两独立比例之差）。仅当对照组随机留出时可解释为因果效应。',
    en: 'Retention rate of followed-up patients − rate of the control group, with a 95% confidence interval (Newcombe hybrid Wilson score, difference of two independent proportions). Causal only when the control group was held out at random.',
  },
  unit: 'ratio',
};

export const ADHERENCE_LIFT: MetricDefinition = {
  id: 'adherence-lift',
  name: { 'zh-CN': '随访对用药依从性的提升', en: 'Follow-up lift on adherence' },
  definition: {
    'zh-CN':
      '随访组依从患者（PDC ≥ 80%）比例 − 对照组比例，附 95% 置信区间（Newcombe 混合 Wilson 得分法）。仅当对照组随机留出时可解释为因果效应。',
    en: 'Share of adherent patients (PDC ≥ 80%) among followed-up patients − share in the control group, with a 95% confidence interval (Newcombe hybrid Wilson score). Causal only when the control group was held out at random.',
  },
  unit: 'ratio',
};
