import { type EntityManager } from 'typeorm';
import { ContactPreferenceRepository } from '../contact/contact-preference.repository';
import { type ContactPreferences } from '../contact/contact-rules';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type PatientGroup, patientGroup } from './patient-group';

const S = `"${OUTREACH_SCHEMA}"`;
const FOLLOW_UPS_SHOWN = 50;
const HISTORY_SHOWN = 20;

export interface DemographicsView {
  names?: { text: string; pinyin?: string }[];
  sex?: string;
  birthDate?: string;
  identifiers?: { system: string; value: string; type: string }[];
  phones?: { number: string; kind: string; use?: string }[];
  deceased?: boolean;
}

export interface Patient360Data {
  readonly orgId: string;
  readonly group: PatientGroup;
  readonly demographics: DemographicsView;
  readonly sourceRecords: { system: string; localId: string; matchState: string }[];
  readonly preferences: ContactPreferences;
  readonly manualTags: string[];
  readonly specialDates: unknown[];
  readonly referrals: { id: string; name: string; phone: string; relation: string; note?: string; recordedAt: Date }[];
  readonly clinical: { kind: string; summary: Record<string, unknown>; occurred_at: Date }[];
  readonly followUps: FollowUp[];
}

interface FollowUp {
  id: string;
  patientId: string;
  purpose: string;
  status: string;
  outcome: string | null;
  dueAt: Date;
  closedAt: Date | null;
  attempts: unknown[];
}

/**
 * The organisation (among the caller's) that knows this enterprise id, as a patient or as an id merged away;
 * undefined for unknown ids and for other organisations' patients alike.
 */
export async function findPatientOrg(
  manager: EntityManager,
  patientId: string,
  orgIds: readonly string[],
): Promise<string | undefined> {
  const rows: { org_id: string }[] = await manager.query(
    `SELECT org_id FROM ${S}.patient WHERE patient_id = $1 AND org_id = ANY($2::text[])
     UNION SELECT org_id FROM ${S}.patient_merge WHERE retired_id = $1 AND org_id = ANY($2::text[])
     ORDER BY org_id LIMIT 1`,
    [patientId, orgIds],
  );
  return rows[0]?.org_id;
}

/** Everything the 360 view shows, read through the patient's merge group in one transaction. */
export async function loadPatient360(
  manager: EntityManager,
  orgId: string,
  patientId: string,
): Promise<Patient360Data> {
  const group = await patientGroup(manager, orgId, patientId);
  const ids = group.members;
  const patients: { patient_id: string; demographics: DemographicsView }[] = await manager.query(
    `SELECT patient_id, demographics FROM ${S}.patient WHERE org_id = $1 AND patient_id = ANY($2::text[])`,
    [orgId, [group.root, patientId]],
  );
  const demographics =
    patients.find((p) => p.patient_id === group.root)?.demographics ?? patients[0]?.demographics ?? {};
  const sourceRecords: Patient360Data['sourceRecords'] = await manager.query(
    `SELECT system, local_id AS "localId", match_state AS "matchState" FROM ${S}.patient_source_record
      WHERE org_id = $1 AND patient_id = $2 ORDER BY system, local_id`,
    [orgId, group.root],
  );
  const tags: { tag: string }[] = await manager.query(
    `SELECT DISTINCT tag FROM ${S}.patient_tag WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY tag`,
    [orgId, ids],
  );
  const specialDates: unknown[] = await manager.query(
    `SELECT id, kind, concat_ws('-', lpad(year::text, 4, '0'), lpad(month::text, 2, '0'), lpad(day::text, 2, '0')) AS date,
            month, day, year, label, recorded_at AS "recordedAt" FROM ${S}.special_date
      WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY month, day, recorded_at`,
    [orgId, ids],
  );
  const referrals: Patient360Data['referrals'] = await manager.query(
    `SELECT id, referred_name AS name, referred_phone AS phone, relation, note, recorded_at AS "recordedAt"
       FROM ${S}.referral WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY recorded_at DESC LIMIT 50`,
    [orgId, ids],
  );
  const clinical: Patient360Data['clinical'] = await manager.query(
    `SELECT kind, summary, occurred_at FROM (
       SELECT kind, summary, occurred_at, row_number() OVER (PARTITION BY kind ORDER BY occurred_at DESC) AS n
         FROM ${S}.clinical_fact WHERE org_id = $1 AND patient_id = ANY($2::text[])
     ) recent WHERE n <= $3 ORDER BY occurred_at DESC`,
    [orgId, ids, HISTORY_SHOWN],
  );
  return {
    orgId,
    group,
    demographics,
    sourceRecords,
    preferences: await new ContactPreferenceRepository(manager).get(orgId, group.root),
    manualTags: tags.map((t) => t.tag),
    specialDates,
    referrals: referrals.map((r) => ({ ...r, note: r.note ?? undefined })),
    clinical,
    followUps: await followUps(manager, orgId, ids),
  };
}

async function followUps(manager: EntityManager, orgId: string, ids: readonly string[]): Promise<FollowUp[]> {
  const tasks: Omit<FollowUp, 'attempts'>[] = await manager.query(
    `SELECT id, patient_id AS "patientId", purpose, status, outcome, due_at AS "dueAt", closed_at AS "closedAt"
       FROM ${S}.task WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY due_at DESC LIMIT $3`,
    [orgId, ids, FOLLOW_UPS_SHOWN],
  );
  const attempts: { taskId: string }[] = await manager.query(
    `SELECT task_id AS "taskId", attempt_no AS "attemptNo", channel, disposition, agent_staff_id AS "agentStaffId",
            started_at AS "startedAt", talk_seconds AS "talkSeconds", notes
       FROM ${S}.attempt WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, attempt_no`,
    [tasks.map((t) => t.id)],
  );
  return tasks.map((task) => ({
    ...task,
    attempts: attempts.filter((a) => a.taskId === task.id).map(({ taskId: _taskId, ...attempt }) => attempt),
  }));
}
