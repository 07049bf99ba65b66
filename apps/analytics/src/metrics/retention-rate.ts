import { assertCount, assertPart } from './input-checks';
import { type MetricDefinition } from './metric-definition';

export interface RetentionCounts {
  /** PS: patients on the books at the start of the period. */
  readonly patientsAtStart: number;
  /** PE: patients on the books at the end of the period. */
  readonly patientsAtEnd: number;
  /** PN: patients first seen during the period (they are part of PE, not of PS). */
  readonly newPatients: number;
}

/** PRR = (PE - PN) / PS; null when PS is 0 because a retention rate of nobody means nothing. */
export function patientRetentionRate(counts: RetentionCounts): number | null {
  assertCount(counts.patientsAtStart, 'patientsAtStart');
  assertPart(counts.newPatients, counts.patientsAtEnd, 'newPatients', 'patientsAtEnd');
  // PE - PN are the retained starters, so they can never outnumber PS.
  assertPart(
    counts.patientsAtEnd - counts.newPatients,
    counts.patientsAtStart,
    'patientsAtEnd - newPatients',
    'patientsAtStart',
  );
  if (counts.patientsAtStart === 0) return null;
  return (counts.patientsAtEnd - counts.newPatients) / counts.patientsAtStart;
}

export const PATIENT_RETENTION_RATE: MetricDefinition = {
  id: 'patient-retention-rate',
  name: { 'zh-CN': '患者留存率 (PRR)', en: 'Patient retention rate (PRR)' },
  definition: {
    'zh-CN': 'PRR = (期末患者数 PE − 期内新增患者数 PN) ÷ 期初患者数 PS；周期按专科设定，期初为 0 时不显示。',
    en: 'PRR = (patients at period end PE − new patients in the period PN) ÷ patients at period start PS; the period is set per specialty; not shown when PS is 0.',
  },
  unit: 'ratio',
};
