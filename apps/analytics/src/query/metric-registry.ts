import { type MetricDefinition, METRIC_CATALOGUE } from '../metrics';
import {
  agentWorkload,
  attemptsPerTask,
  callAuditScore,
  escalations,
  onTimeRate,
  reachByChannel,
  robotShare,
  taskCounts,
} from './follow-up-metrics';
import { adherenceLift, retentionLift } from './lift-metrics';
import { adherent, daysCovered, refillsOnTime } from './medication-metrics';
import { type MetricComputer } from './metric-result';
import { MetricQueryError, MetricQueryErrorCode } from './query.errors';
import {
  churn,
  lifetimeValue,
  noShows,
  patientRetention,
  reminderEffect,
  timeBetweenVisits,
} from './retention-metrics';
import {
  comments,
  complaintsByKind,
  medianResolution,
  promoterScore,
  responseRate,
  satisfaction,
  slaBreaches,
} from './satisfaction-metrics';

/** Which read-model query computes each catalogue metric; a unit test checks none is missing. */
export const METRIC_COMPUTERS: Readonly<Record<string, MetricComputer>> = {
  'patient-retention-rate': patientRetention,
  'churn-rate': churn,
  'patient-lifetime-value': lifetimeValue,
  'average-time-between-visits': timeBetweenVisits,
  'no-show-rate': noShows,
  'reminder-effect-on-no-shows': reminderEffect,
  'proportion-of-days-covered': daysCovered,
  'adherent-share': adherent,
  'refill-on-time': refillsOnTime,
  'net-promoter-score': promoterScore,
  'customer-satisfaction': satisfaction,
  'survey-response-rate': responseRate,
  'survey-comments': comments,
  'complaints-by-kind': complaintsByKind,
  'follow-up-task-counts': taskCounts,
  'follow-up-on-time-rate': onTimeRate,
  'reach-rate-by-channel': reachByChannel,
  'attempts-per-completion': attemptsPerTask,
  'robot-call-share': robotShare,
  'follow-up-escalations': escalations,
  'agent-workload': agentWorkload,
  'call-audit-score': callAuditScore,
  'complaint-median-resolution': medianResolution,
  'complaint-sla-breaches': slaBreaches,
  'retention-lift': retentionLift,
  'adherence-lift': adherenceLift,
};

export function metricNamed(id: string): { definition: MetricDefinition; compute: MetricComputer } {
  const definition = METRIC_CATALOGUE.find((metric) => metric.id === id);
  const compute = Object.prototype.hasOwnProperty.call(METRIC_COMPUTERS, id) ? METRIC_COMPUTERS[id] : undefined;
  if (definition === undefined || compute === undefined) {
    throw new MetricQueryError(MetricQueryErrorCode.UnknownMetric, 'no metric has this id; GET /v1/metrics lists them');
  }
  return { definition, compute };
}
