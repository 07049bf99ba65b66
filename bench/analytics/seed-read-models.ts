import { type DataSource } from 'typeorm';

/** Sizes of the generated history; `events` counts the catalogue events the rows stand for. */
export interface SeedPlan {
  readonly orgs: number;
  readonly patientsPerOrg: number;
  readonly days: number;
  readonly tasks: number;
  readonly attempts: number;
  readonly surveys: number;
  readonly complaints: number;
  readonly appointments: number;
  readonly visits: number;
}

/** Catalogue events behind the rows: a task is created + completed, a complaint opened + resolved. */
export function eventsOf(plan: SeedPlan): number {
  return plan.tasks * 2 + plan.attempts + plan.surveys + plan.complaints * 2 + plan.appointments * 2 + plan.visits;
}

/** Scales the default mix (about 10,000,000 events) to `events`. */
export function planFor(events: number): SeedPlan {
  const k = events / 10_000_000;
  return {
    orgs: 20,
    patientsPerOrg: Math.max(100, Math.round(25_000 * k)),
    days: 730,
    tasks: Math.round(2_000_000 * k),
    attempts: Math.round(3_000_000 * k),
    surveys: Math.round(800_000 * k),
    complaints: Math.round(100_000 * k),
    appointments: Math.round(400_000 * k),
    visits: Math.round(1_400_000 * k),
  };
}

const DEPARTMENTS = `(ARRAY['cardiology','endocrinology','orthodontics','oral-surgery','tcm','pharmacy'])`;
const CHANNELS = `(ARRAY['phone-robot','phone-agent','sms','wechat-oa','phone-agent','phone-robot'])`;

/**
 * Fills the read models in bulk with generate_series (no per-row round trips): deterministic pseudo-random
 * spread over organisations, patients, departments, doctors, channels and two years of days.
 */
export async function seedReadModels(db: DataSource, plan: SeedPlan, startDate: string): Promise<void> {
  const patient = (n: string) => `'EP' || ((${n} * 7919) % ${plan.patientsPerOrg * plan.orgs})`;
  const day = (n: string) => `('${startDate}'::date + ((${n} * 104729) % ${plan.days})::int)`;
  const dept = (n: string) => `${DEPARTMENTS}[1 + (${n} % 6)]`;
  const doctor = (n: string) => `'doc-' || (${n} % 40)`;
  // Same patient -> same organisation: a patient number decides its org.
  const orgOfPatient = (n: string) => `'org-' || (((${n} * 7919) % ${plan.patientsPerOrg * plan.orgs}) % ${plan.orgs})`;
  await db.query(`
    INSERT INTO analytics.patient (org_id, patient_id, birth_date, sex, registered_at)
    SELECT 'org-' || (n % ${plan.orgs}), 'EP' || n, '1940-01-01'::date + (n * 37 % 25000)::int, 'female', now()
      FROM generate_series(0::bigint, ${plan.patientsPerOrg * plan.orgs - 1}) n`);
  await db.query(`
    INSERT INTO analytics.visit (org_id, visit_key, event_id, patient_id, kind, site_id, department_code, doctor_id,
                                 disease_code, occurred_at, local_date, charge_minor)
    SELECT ${orgOfPatient('n')}, 'encounter:his:' || n, gen_random_uuid(), ${patient('n')}, 'encounter', ${orgOfPatient('n')},
           ${dept('n')}, ${doctor('n')}, (ARRAY['I10','E11','K02','J45'])[1 + n % 4],
           ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours', ${day('n')}, (n % 50) * 1000
      FROM generate_series(1::bigint, ${plan.visits}) n`);
  await db.query(`
    INSERT INTO analytics.appointment (org_id, appointment_key, patient_id, site_id, department_code, doctor_id,
                                       start_at, local_date, outcome)
    SELECT ${orgOfPatient('n')}, 'pms:' || n, ${patient('n')}, ${orgOfPatient('n')}, ${dept('n')}, ${doctor('n')},
           ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours', ${day('n')},
           (ARRAY['attended','attended','attended','no-show','cancelled'])[1 + n % 5]
      FROM generate_series(1::bigint, ${plan.appointments}) n`);
  await db.query(`
    INSERT INTO analytics.task (org_id, task_id, patient_id, plan_id, purpose, site_id, department_code, doctor_id,
                                assignee_id, due_at, due_date, created_on, status, outcome, channel, attempts,
                                needs_doctor_callback, return_visit_booked, completed_by, completed_at)
    SELECT ${orgOfPatient('n')}, gen_random_uuid(), ${patient('n')}, 'plan-' || (n % 7),
           (ARRAY['post-visit','post-discharge','medication-adherence','satisfaction-survey','appointment-reminder'])[1 + n % 5],
           ${orgOfPatient('n')}, ${dept('n')}, ${doctor('n')}, 'agent-' || (n % 60),
           ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours', ${day('n')}, ${day('n')} - 3,
           CASE WHEN n % 10 < 8 THEN 'completed' WHEN n % 10 = 8 THEN 'cancelled' ELSE 'open' END,
           CASE WHEN n % 10 < 8 THEN (ARRAY['reached','reached','reached','not-reached'])[1 + n % 4] END,
           CASE WHEN n % 10 < 8 THEN ${CHANNELS}[1 + n % 6] END,
           CASE WHEN n % 10 < 8 THEN 1 + n % 3 END, n % 17 = 0, n % 9 = 0,
           CASE WHEN n % 10 < 8 AND n % 2 = 0 THEN 'agent-' || (n % 60) END,
           CASE WHEN n % 10 < 8 THEN ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours'
                                    + ((n % 7) - 2) * interval '1 day' END
      FROM generate_series(1::bigint, ${plan.tasks}) n`);
  await db.query(`
    INSERT INTO analytics.attempt (org_id, attempt_id, task_id, patient_id, channel, disposition, reached, agent_id,
                                   started_at, local_date, talk_seconds, recorded)
    SELECT ${orgOfPatient('n')}, gen_random_uuid(), gen_random_uuid(), ${patient('n')}, ${CHANNELS}[1 + n % 6],
           (ARRAY['answered','no-answer','busy','answered'])[1 + n % 4], n % 4 IN (0, 3),
           CASE WHEN n % 6 IN (1, 4) THEN 'agent-' || (n % 60) END,
           ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '11 hours', ${day('n')}, (n % 4) * 60, n % 5 = 0
      FROM generate_series(1::bigint, ${plan.attempts}) n`);
  await db.query(`
    INSERT INTO analytics.survey_response (org_id, response_id, patient_id, survey_id, channel, department_code,
                                           doctor_id, csat, nps, free_text, responded_at, local_date)
    SELECT ${orgOfPatient('n')}, gen_random_uuid(), ${patient('n')}, 'post-visit', 'questionnaire', ${dept('n')},
           ${doctor('n')}, 1 + n % 5, n % 11, CASE WHEN n % 13 = 0 THEN '服务很好' END,
           ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '20 hours', ${day('n')}
      FROM generate_series(1::bigint, ${plan.surveys}) n`);
  await db.query(`
    INSERT INTO analytics.complaint (org_id, complaint_id, patient_id, kind, severity, source, department_code,
                                     opened_at, local_date, sla_due_at, resolved_at, resolution, escalated)
    SELECT ${orgOfPatient('n')}, gen_random_uuid(), ${patient('n')},
           (ARRAY['complaint','criticism','praise','suggestion','need'])[1 + n % 5], 'medium', 'follow-up-call',
           ${dept('n')}, ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours', ${day('n')},
           ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '81 hours',
           CASE WHEN n % 8 <> 0 THEN ${day('n')}::timestamp AT TIME ZONE 'Asia/Shanghai' + (n % 120) * interval '1 hour' END,
           CASE WHEN n % 8 <> 0 THEN 'resolved' END, n % 8 <> 0 AND n % 11 = 0
      FROM generate_series(1::bigint, ${plan.complaints}) n`);
  for (const name of ['patient', 'visit', 'appointment', 'task', 'attempt', 'survey_response', 'complaint']) {
    await db.query(`VACUUM ANALYZE analytics.${name}`);
  }
}
