import { type EventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { localDate, survivingPatient, table } from './read-model-sql';

/** Dispositions where someone was actually spoken to (docs/metrics.md, reach rate). */
const REACHED_DISPOSITIONS: ReadonlySet<string> = new Set([
  'answered',
  'refused',
  'do-not-contact',
  'moved-away',
  'changed-therapy',
  'deceased',
]);

/** Outreach attempts (reach, workload), survey answers (CSAT, NPS) and feedback cases (complaints). */
export class OutreachProjector {
  constructor(private readonly zone: string) {}

  async attempt(m: EntityManager, e: EventEnvelope<'revisit.outreach.attempt-recorded.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('attempt')} (org_id, attempt_id, task_id, patient_id, channel, disposition, reached, agent_id,
              started_at, local_date, talk_seconds, recorded)
       VALUES ($1, $2, $3, ${survivingPatient('$1', '$4')}, $5, $6, $7, $8, $9, ${localDate('$9', '$12')}, $10, $11)
       ON CONFLICT (org_id, attempt_id) DO NOTHING`,
      [
        e.orgid,
        d.attemptId,
        d.taskId,
        d.patientEnterpriseId,
        d.channel,
        d.disposition,
        REACHED_DISPOSITIONS.has(d.disposition),
        d.agentStaffId ?? null,
        d.startedAt,
        d.talkSeconds,
        d.recordingRef !== undefined,
        this.zone,
      ],
    );
  }

  async survey(m: EntityManager, e: EventEnvelope<'revisit.outreach.survey-response-recorded.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('survey_response')} (org_id, response_id, task_id, patient_id, survey_id, channel,
              department_code, doctor_id, csat, nps, free_text, responded_at, local_date)
       VALUES ($1, $2, $3, ${survivingPatient('$1', '$4')}, $5, $6, $7, $8, $9, $10, $11, $12, ${localDate('$12', '$13')})
       ON CONFLICT (org_id, response_id) DO NOTHING`,
      [
        e.orgid,
        d.responseId,
        d.taskId ?? null,
        d.patientEnterpriseId,
        d.surveyId,
        d.channel,
        d.departmentCode ?? null,
        d.aboutStaffId ?? null,
        d.csat ?? null,
        d.nps ?? null,
        d.freeText ?? null,
        d.respondedAt,
        this.zone,
      ],
    );
  }

  async complaintOpened(m: EntityManager, e: EventEnvelope<'revisit.outreach.complaint-opened.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('complaint')} (org_id, complaint_id, patient_id, kind, category_code, severity, source,
              department_code, doctor_id, opened_at, local_date, sla_due_at)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, $4, $5, $6, $7, $8, $9, $10, ${localDate('$10', '$12')}, $11)
       ON CONFLICT (org_id, complaint_id) DO UPDATE SET
         kind = EXCLUDED.kind, category_code = EXCLUDED.category_code, severity = EXCLUDED.severity,
         source = EXCLUDED.source, department_code = COALESCE(EXCLUDED.department_code, complaint.department_code),
         doctor_id = EXCLUDED.doctor_id, opened_at = EXCLUDED.opened_at, local_date = EXCLUDED.local_date,
         sla_due_at = EXCLUDED.sla_due_at`,
      [
        e.orgid,
        d.complaintId,
        d.patientEnterpriseId,
        d.kind,
        d.categoryCode ?? null,
        d.severity,
        d.source,
        d.departmentCode ?? null,
        d.aboutStaffId ?? null,
        d.openedAt,
        d.slaDueAt,
        this.zone,
      ],
    );
  }

  async complaintResolved(m: EntityManager, e: EventEnvelope<'revisit.outreach.complaint-resolved.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('complaint')} (org_id, complaint_id, patient_id, kind, department_code, sla_due_at,
              resolved_at, resolution, escalated)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (org_id, complaint_id) DO UPDATE SET
         resolved_at = EXCLUDED.resolved_at, resolution = EXCLUDED.resolution, escalated = EXCLUDED.escalated,
         department_code = COALESCE(complaint.department_code, EXCLUDED.department_code)`,
      [
        e.orgid,
        d.complaintId,
        d.patientEnterpriseId,
        d.kind,
        d.departmentCode ?? null,
        d.slaDueAt,
        d.resolvedAt,
        d.resolution,
        d.escalated,
      ],
    );
  }

  /** A scored call-audit sample; dated by the call, as workload is, so a late score lands in the call's period. */
  async callAudited(m: EntityManager, e: EventEnvelope<'revisit.outreach.call-audited.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('call_audit')} (org_id, attempt_id, patient_id, agent_id, scored_by, total_score,
              call_started_at, local_date, scored_at)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, $4, $5, $6, $7, ${localDate('$7', '$9')}, $8)
       ON CONFLICT (org_id, attempt_id) DO NOTHING`,
      [
        e.orgid,
        d.attemptId,
        d.patientEnterpriseId,
        d.agentStaffId,
        d.scoredByStaffId,
        d.totalScore,
        d.callStartedAt,
        d.scoredAt,
        this.zone,
      ],
    );
  }
}
