import {
  APPOINTMENTS,
  ATTEMPTS,
  CALL_AUDITS,
  COHORTS,
  COMPLAINTS,
  COMPLETED_TASKS,
  DISPENSES,
  type FactTable,
  scopeOf,
  SURVEYS,
  TASKS,
  VISITS,
} from './fact-scope';
import { type MetricQuery } from './metric-query';
import { type MetricContext } from './metric-result';

/** The facts behind each metric, whose patients the drill-down lists. */
const FACTS_OF: Readonly<Record<string, FactTable>> = {
  'patient-retention-rate': VISITS,
  'churn-rate': VISITS,
  'patient-lifetime-value': VISITS,
  'average-time-between-visits': VISITS,
  'no-show-rate': APPOINTMENTS,
  'reminder-effect-on-no-shows': APPOINTMENTS,
  'proportion-of-days-covered': DISPENSES,
  'adherent-share': DISPENSES,
  'refill-on-time': DISPENSES,
  'net-promoter-score': SURVEYS,
  'customer-satisfaction': SURVEYS,
  'survey-comments': SURVEYS,
  'survey-response-rate': TASKS,
  'complaints-by-kind': COMPLAINTS,
  'complaint-median-resolution': COMPLAINTS,
  'complaint-sla-breaches': COMPLAINTS,
  'follow-up-task-counts': TASKS,
  'follow-up-on-time-rate': TASKS,
  'attempts-per-completion': COMPLETED_TASKS,
  'follow-up-escalations': COMPLETED_TASKS,
  'reach-rate-by-channel': ATTEMPTS,
  'robot-call-share': ATTEMPTS,
  'agent-workload': ATTEMPTS,
  'call-audit-score': CALL_AUDITS,
  'retention-lift': COHORTS,
  'adherence-lift': COHORTS,
};

export interface PatientBehindMetric {
  readonly patientId: string;
  readonly facts: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly arm?: string;
  readonly comments?: string[];
}

/** Patients whose facts in the period (under the same filters) make up a metric, most facts first. */
export async function patientsBehind(
  ctx: MetricContext,
  metricId: string,
  q: MetricQuery,
  limit: number,
): Promise<PatientBehindMetric[]> {
  const fact = FACTS_OF[metricId];
  const s = scopeOf(fact, { ...q, groupBy: undefined }, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const a = fact.alias;
  const date = fact.date.replace('$TZ', `$${s.params.length + 2}::text`);
  const extra =
    fact === SURVEYS
      ? `, array_remove(array_agg(${a}.free_text ORDER BY ${a}.responded_at), NULL) AS comments`
      : fact === COHORTS
        ? `, min(${a}.arm) AS arm`
        : '';
  const rows: {
    patient_id: string;
    facts: number;
    first_date: string;
    last_date: string;
    arm?: string;
    comments?: string[];
  }[] = await ctx.db.query(
    `SELECT ${a}.patient_id, count(*)::int AS facts, min(${date})::text AS first_date, max(${date})::text AS last_date
            ${extra}
       FROM ${s.from} WHERE ${s.where} GROUP BY ${a}.patient_id
      ORDER BY facts DESC, ${a}.patient_id LIMIT $${s.params.length + 1}`,
    fact.date.includes('$TZ') ? [...s.params, limit, ctx.zone] : [...s.params, limit],
  );
  return rows.map((r) => ({
    patientId: r.patient_id,
    facts: r.facts,
    firstDate: r.first_date,
    lastDate: r.last_date,
    ...(r.arm === undefined ? {} : { arm: r.arm }),
    ...(r.comments === undefined ? {} : { comments: r.comments }),
  }));
}
