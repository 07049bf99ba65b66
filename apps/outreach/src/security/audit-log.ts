import { type Principal } from '@revisit/platform';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const TABLE = `"${OUTREACH_SCHEMA}".audit_log`;

export type AuditedAction =
  | 'worklist.view'
  | 'task.view'
  | 'patient.view'
  | 'patient.phone-unmasked'
  | 'call.recording-sampled'
  | 'complaint.view'
  | 'call-audit.view'
  | 'patient.tags-changed'
  | 'patient.special-date-recorded'
  | 'patient.referral-recorded'
  | 'questionnaire.link-issued';

export interface AuditEntry {
  readonly orgId: string;
  readonly patientId: string;
  readonly taskId?: string;
  readonly action: AuditedAction;
  readonly unmasked?: boolean;
}

/**
 * Appends who saw which patient's data, in the transaction that read it, so a view is never served without
 * its record. The table refuses updates and deletes (trigger), so entries cannot be rewritten later.
 */
export async function recordViews(manager: EntityManager, actor: Principal, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO ${TABLE} (actor_subject, actor_issuer, actor_staff_id, org_id, patient_id, task_id, action, unmasked)
     SELECT $1, $2, $3, e.org_id, e.patient_id, e.task_id, e.action, e.unmasked
       FROM jsonb_to_recordset($4::jsonb) AS e(org_id text, patient_id text, task_id uuid, action text, unmasked boolean)`,
    [
      actor.subject,
      actor.issuer,
      actor.staffId ?? null,
      JSON.stringify(
        entries.map((entry) => ({
          org_id: entry.orgId,
          patient_id: entry.patientId,
          task_id: entry.taskId ?? null,
          action: entry.action,
          unmasked: entry.unmasked ?? false,
        })),
      ),
    ],
  );
}
