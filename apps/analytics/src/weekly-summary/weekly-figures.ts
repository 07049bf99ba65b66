import { type WeeklySummaryPublishedV1 } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { netPromoterScore } from '../metrics';
import { table } from '../read-models/read-model-sql';

export type WeeklyFigures = WeeklySummaryPublishedV1['figures'];

/**
 * One week's figures (Monday to Sunday in `zone`) for an organisation, or one department of it.
 * Overdue counts tasks past due at the end of the week and neither completed nor cancelled by then, so a
 * summary produced late (catch-up after downtime) shows what the week looked like, not today's state.
 */
export async function weeklyFigures(
  db: EntityManager,
  org: string,
  weekStart: string,
  zone: string,
  department?: string,
): Promise<WeeklyFigures> {
  const dept = department === undefined ? '' : ' AND department_code = $4';
  const params = [org, weekStart, zone, ...(department === undefined ? [] : [department])];
  const inWeek = (instant: string) => `(${instant} AT TIME ZONE $3)::date BETWEEN $2::date AND $2::date + 6`;
  const [tasks] = (await db.query(
    `SELECT count(*) FILTER (WHERE created_on BETWEEN $2::date AND $2::date + 6)::int AS created,
            count(*) FILTER (WHERE status = 'completed' AND ${inWeek('completed_at')})::int AS completed,
            count(*) FILTER (WHERE status = 'cancelled' AND ${inWeek('cancelled_at')})::int AS cancelled,
            count(*) FILTER (WHERE due_at < (($2::date + 7)::timestamp AT TIME ZONE $3)
                               AND (completed_at IS NULL OR completed_at >= (($2::date + 7)::timestamp AT TIME ZONE $3))
                               AND (cancelled_at IS NULL OR cancelled_at >= (($2::date + 7)::timestamp AT TIME ZONE $3))
                            )::int AS overdue,
            count(*) FILTER (WHERE status = 'completed' AND outcome = 'reached' AND ${inWeek('completed_at')})::int AS reached,
            count(*) FILTER (WHERE status = 'completed' AND return_visit_booked AND ${inWeek('completed_at')})::int AS booked
       FROM ${table('task')} WHERE org_id = $1${dept}`,
    params,
  )) as { created: number; completed: number; cancelled: number; overdue: number; reached: number; booked: number }[];
  const [attempts] = (await db.query(
    `SELECT count(*)::int AS n FROM ${table('attempt')} x
      WHERE x.org_id = $1 AND x.local_date BETWEEN $2::date AND $2::date + 6 AND $3::text IS NOT NULL
        ${department === undefined ? '' : `AND EXISTS (SELECT 1 FROM ${table('task')} t WHERE t.org_id = x.org_id AND t.task_id = x.task_id AND t.department_code = $4)`}`,
    params,
  )) as { n: number }[];
  const surveys = (await db.query(
    `SELECT csat, nps FROM ${table('survey_response')}
      WHERE org_id = $1 AND local_date BETWEEN $2::date AND $2::date + 6 AND $3::text IS NOT NULL${dept}`,
    params,
  )) as { csat: number | null; nps: number | null }[];
  const [complaints] = (await db.query(
    `SELECT count(*) FILTER (WHERE local_date BETWEEN $2::date AND $2::date + 6)::int AS opened,
            count(*) FILTER (WHERE ${inWeek('resolved_at')})::int AS resolved,
            count(*) FILTER (WHERE ${inWeek('resolved_at')} AND resolved_at <= sla_due_at)::int AS within_sla
       FROM ${table('complaint')} WHERE org_id = $1${dept}`,
    params,
  )) as { opened: number; resolved: number; within_sla: number }[];
  const csat = surveys.map((s) => s.csat).filter((s): s is number => s !== null);
  const nps = netPromoterScore(surveys.map((s) => s.nps).filter((s): s is number => s !== null)).score;
  return {
    tasksCreated: tasks.created,
    tasksCompleted: tasks.completed,
    tasksCancelled: tasks.cancelled,
    tasksOverdue: tasks.overdue,
    attempts: attempts.n,
    ...(tasks.completed === 0 ? {} : { reachRate: tasks.reached / tasks.completed }),
    ...(csat.length === 0 ? {} : { csatAverage: csat.reduce((a, b) => a + b, 0) / csat.length }),
    ...(nps === null ? {} : { npsScore: nps }),
    complaintsOpened: complaints.opened,
    complaintsResolved: complaints.resolved,
    ...(complaints.resolved === 0 ? {} : { complaintSlaMetRate: complaints.within_sla / complaints.resolved }),
    returnVisitsBooked: tasks.booked,
  };
}

/** Departments with any follow-up, survey or complaint fact in the week. */
export async function departmentsOfWeek(
  db: EntityManager,
  org: string,
  weekStart: string,
  zone: string,
): Promise<string[]> {
  const rows: { department_code: string }[] = await db.query(
    `SELECT DISTINCT department_code FROM (
       SELECT department_code FROM ${table('task')}
        WHERE org_id = $1 AND (due_date BETWEEN $2::date AND $2::date + 6
              OR (completed_at AT TIME ZONE $3)::date BETWEEN $2::date AND $2::date + 6)
       UNION SELECT department_code FROM ${table('survey_response')}
        WHERE org_id = $1 AND local_date BETWEEN $2::date AND $2::date + 6
       UNION SELECT department_code FROM ${table('complaint')}
        WHERE org_id = $1 AND local_date BETWEEN $2::date AND $2::date + 6) d
     WHERE department_code IS NOT NULL ORDER BY 1`,
    [org, weekStart, zone],
  );
  return rows.map((r) => r.department_code);
}
