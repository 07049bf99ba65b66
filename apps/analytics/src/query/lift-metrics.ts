import { followUpLift, isAdherent, type PatientOutcome, proportionOfDaysCovered, type StudyArm } from '../metrics';
import { table } from '../read-models/read-model-sql';
import { COHORTS, scopeOf } from './fact-scope';
import { fillGroups } from './medication-metrics';
import { type MetricQuery } from './metric-query';
import { byGroup, type MetricComputer, type MetricContext, type MetricGroup } from './metric-result';

interface CohortRow {
  grp: string | null;
  patient_id: string;
  arm: StudyArm;
  returned: boolean;
}

/** Patients assigned to an arm by the end of the period; `returned`: a visit after assignment, in the period. */
async function cohortMembers(ctx: MetricContext, q: MetricQuery): Promise<CohortRow[]> {
  const s = scopeOf(COHORTS, q, { range: { upTo: q.to }, zone: ctx.zone });
  const n = s.params.length;
  const plan = q.params.plan === undefined ? '' : ` AND k.plan_id = $${n + 3}`;
  return ctx.db.query(
    `SELECT DISTINCT ON (grp, k.patient_id) ${s.group} AS grp, k.patient_id, k.arm,
            EXISTS (SELECT 1 FROM ${table('visit')} v WHERE v.org_id = k.org_id AND v.patient_id = k.patient_id
                       AND v.local_date > k.local_date AND v.local_date BETWEEN $${n + 1}::date AND $${n + 2}::date)
              AS returned
       FROM ${s.from} WHERE ${s.where}${plan}
      ORDER BY grp, k.patient_id, k.assigned_at`,
    [...s.params, q.from, q.to, ...(q.params.plan === undefined ? [] : [q.params.plan])],
  );
}

function liftGroup(key: string | null, outcomes: PatientOutcome[], q: MetricQuery): MetricGroup {
  const result = followUpLift(outcomes, q.params.level);
  return { key, value: result.lift.difference, ...result };
}

export const retentionLift: MetricComputer = async (ctx, q) =>
  byGroup(await cohortMembers(ctx, q)).map(([key, members]) =>
    liftGroup(
      key,
      members.map((m) => ({ arm: m.arm, success: m.returned })),
      q,
    ),
  );

/**
 * Adherence lift: a cohort patient counts as adherent when every drug class they were dispensed in the period
 * reaches PDC 80 %; patients with no fill in the period are left out (nothing to adhere to).
 */
export const adherenceLift: MetricComputer = async (ctx, q) => {
  const members = await cohortMembers(ctx, q);
  const { groups } = await fillGroups(ctx, { ...q, groupBy: undefined, filters: {} }, { from: q.from, to: q.to });
  const adherentByPatient = new Map<string, boolean>();
  for (const list of groups) {
    const { pdc } = proportionOfDaysCovered({ start: q.from, end: q.to }, list.fills);
    if (pdc === null) continue;
    adherentByPatient.set(list.patientId, (adherentByPatient.get(list.patientId) ?? true) && isAdherent(pdc));
  }
  return byGroup(members).map(([key, rows]) =>
    liftGroup(
      key,
      rows
        .filter((m) => adherentByPatient.has(m.patient_id))
        .map((m) => ({ arm: m.arm, success: adherentByPatient.get(m.patient_id) === true })),
      q,
    ),
  );
};
