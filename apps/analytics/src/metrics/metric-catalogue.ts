import { ADHERENT_SHARE } from './adherent-share';
import { CHURN_RATE } from './churn-rate';
import { COMPLAINT_MEDIAN_RESOLUTION, COMPLAINT_SLA_BREACHES } from './complaint-resolution';
import { ADHERENCE_LIFT, RETENTION_LIFT } from './follow-up-lift';
import { ATTEMPTS_PER_COMPLETION, FOLLOW_UP_ON_TIME_RATE, REACH_RATE_BY_CHANNEL } from './follow-up-performance';
import { type MetricDefinition } from './metric-definition';
import {
  AGENT_WORKLOAD,
  CALL_AUDIT_SCORE,
  COMPLAINTS_BY_KIND,
  FOLLOW_UP_ESCALATIONS,
  FOLLOW_UP_TASK_COUNTS,
  ROBOT_CALL_SHARE,
  SURVEY_COMMENTS,
} from './operational-counts';
import { NO_SHOW_RATE, REMINDER_EFFECT_ON_NO_SHOWS } from './no-show-rate';
import { PATIENT_LIFETIME_VALUE } from './patient-lifetime-value';
import { PROPORTION_OF_DAYS_COVERED } from './proportion-of-days-covered';
import { REFILL_ON_TIME } from './refill-on-time';
import { PATIENT_RETENTION_RATE } from './retention-rate';
import { CUSTOMER_SATISFACTION, NET_PROMOTER_SCORE, SURVEY_RESPONSE_RATE } from './survey-scores';
import { AVERAGE_TIME_BETWEEN_VISITS } from './time-between-visits';

/** Every metric the dashboard can show, in the order of docs/metrics.md. */
export const METRIC_CATALOGUE: readonly MetricDefinition[] = [
  PATIENT_RETENTION_RATE,
  CHURN_RATE,
  PATIENT_LIFETIME_VALUE,
  AVERAGE_TIME_BETWEEN_VISITS,
  NO_SHOW_RATE,
  REMINDER_EFFECT_ON_NO_SHOWS,
  PROPORTION_OF_DAYS_COVERED,
  ADHERENT_SHARE,
  REFILL_ON_TIME,
  NET_PROMOTER_SCORE,
  CUSTOMER_SATISFACTION,
  SURVEY_RESPONSE_RATE,
  SURVEY_COMMENTS,
  COMPLAINTS_BY_KIND,
  FOLLOW_UP_TASK_COUNTS,
  FOLLOW_UP_ON_TIME_RATE,
  REACH_RATE_BY_CHANNEL,
  ATTEMPTS_PER_COMPLETION,
  ROBOT_CALL_SHARE,
  FOLLOW_UP_ESCALATIONS,
  AGENT_WORKLOAD,
  CALL_AUDIT_SCORE,
  COMPLAINT_MEDIAN_RESOLUTION,
  COMPLAINT_SLA_BREACHES,
  RETENTION_LIFT,
  ADHERENCE_LIFT,
];

export function findMetricDefinition(id: string): MetricDefinition | undefined {
  return METRIC_CATALOGUE.find((metric) => metric.id === id);
}
