import { randomUUID } from 'node:crypto';
import { type FeedbackKind } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type DataSource, type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { offsetTime, publish } from '../escalation/outreach-events';
import { type FeedbackSource, routeFeedback, type Severity, slaDueAt } from './complaint-routing';
import { loadRouting } from './complaint-routing.store';
import { appendHistory } from './complaint-history';
import { ComplaintError, ComplaintErrorCode } from './complaints.errors';
import { type RESOLUTIONS } from './complaints.schemas';

const S = `"${OUTREACH_SCHEMA}"`;

export interface OpenComplaint {
  readonly orgIds: readonly string[];
  readonly patientId: string;
  readonly taskId?: string;
  readonly kind: FeedbackKind;
  readonly text: string;
  readonly source?: FeedbackSource;
  readonly severity?: Severity;
  readonly categoryCode?: string;
  readonly staffId: string;
  readonly now: Date;
}

interface LockedCase {
  id: string;
  org_id: string;
  patient_id: string;
  kind: FeedbackKind;
  status: 'open' | 'escalated' | 'resolved';
  escalated: boolean;
  department_code: string;
  sla_due_at: Date;
}

/** Filing, assigning and closing feedback cases; each step one transaction with its history and events. */
export class ComplaintCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  open(input: OpenComplaint) {
    return this.dataSource.transaction(async (manager) => {
      const orgId = await patientOrg(manager, input.orgIds, input.patientId);
      if (input.taskId !== undefined) {
        const task: unknown[] = await manager.query(
          `SELECT 1 FROM ${S}.task WHERE id = $1 AND org_id = $2 AND patient_id = $3`,
          [input.taskId, orgId, input.patientId],
        );
        if (task.length === 0)
          throw new ComplaintError(ComplaintErrorCode.TaskNotFound, 'no such task for this patient');
      }
      const { routing } = await loadRouting(manager, orgId);
      const source = input.source ?? (input.taskId === undefined ? 'other' : 'follow-up-call');
      const severity = input.severity ?? 'medium';
      const department = routeFeedback(routing, input.kind, source);
      const due = slaDueAt(routing, input.kind, severity, input.now);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO ${S}.complaint (id, org_id, patient_id, task_id, kind, source, severity, category_code, text,
            department_code, assignee_staff_id, status, opened_by_staff_id, opened_at, sla_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $14)`,
        [
          id,
          orgId,
          input.patientId,
          input.taskId ?? null,
          input.kind,
          source,
          severity,
          input.categoryCode ?? null,
          input.text,
          department.code,
          department.responsibleStaffId,
          input.staffId,
          input.now,
          due,
        ],
      );
      await appendHistory(manager, {
        complaintId: id,
        orgId,
        actor: input.staffId,
        action: 'opened',
        detail: { departmentCode: department.code, assigneeStaffId: department.responsibleStaffId },
        at: input.now,
      });
      await publish(this.outbox, manager, 'revisit.outreach.complaint-opened.v1', orgId, input.patientId, {
        complaintId: id,
        patientEnterpriseId: input.patientId,
        orgId,
        kind: input.kind,
        ...(input.categoryCode === undefined ? {} : { categoryCode: input.categoryCode }),
        severity,
        source,
        departmentCode: department.code,
        assigneeStaffId: department.responsibleStaffId,
        ...(input.taskId === undefined ? {} : { relatedTaskId: input.taskId }),
        slaDueAt: offsetTime(due),
        openedAt: offsetTime(input.now),
      });
      return {
        complaintId: id,
        department: department.code,
        assigneeStaffId: department.responsibleStaffId,
        slaDueAt: offsetTime(due),
      };
    });
  }

  assign(
    orgIds: readonly string[],
    id: string,
    assigneeStaffId: string,
    departmentCode: string | undefined,
    staffId: string,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, orgIds, id);
      if (departmentCode !== undefined) {
        const { routing } = await loadRouting(manager, found.org_id);
        if (!routing.departments.some((d) => d.code === departmentCode)) {
          throw new ComplaintError(ComplaintErrorCode.UnknownDepartment, 'department is not in the routing table');
        }
      }
      const department = departmentCode ?? found.department_code;
      await manager.query(`UPDATE ${S}.complaint SET assignee_staff_id = $2, department_code = $3 WHERE id = $1`, [
        id,
        assigneeStaffId,
        department,
      ]);
      await appendHistory(manager, {
        complaintId: id,
        orgId: found.org_id,
        actor: staffId,
        action: 'assigned',
        detail: { departmentCode: department, assigneeStaffId },
        at: new Date(),
      });
      return { complaintId: id, department, assigneeStaffId };
    });
  }

  resolve(
    orgIds: readonly string[],
    id: string,
    text: string,
    outcome: (typeof RESOLUTIONS)[number] | undefined,
    staffId: string,
    now: Date,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, orgIds, id);
      const resolution =
        outcome ?? (found.kind === 'praise' || found.kind === 'suggestion' ? 'acknowledged' : 'resolved');
      await manager.query(
        `UPDATE ${S}.complaint SET status = 'resolved', resolution = $2, resolution_text = $3, resolved_by_staff_id = $4,
            resolved_at = $5 WHERE id = $1`,
        [id, resolution, text, staffId, now],
      );
      await appendHistory(manager, {
        complaintId: id,
        orgId: found.org_id,
        actor: staffId,
        action: 'resolved',
        detail: { resolution },
        at: now,
      });
      const slaMet = now.getTime() <= found.sla_due_at.getTime();
      await publish(this.outbox, manager, 'revisit.outreach.complaint-resolved.v1', found.org_id, found.patient_id, {
        complaintId: id,
        patientEnterpriseId: found.patient_id,
        orgId: found.org_id,
        kind: found.kind,
        departmentCode: found.department_code,
        resolution,
        escalated: found.escalated,
        resolvedByStaffId: staffId,
        slaDueAt: offsetTime(found.sla_due_at),
        slaMet,
        resolvedAt: offsetTime(now),
      });
      return { complaintId: id, status: 'resolved' as const, resolution, slaMet };
    });
  }
}

/** The organisation of the patient among the caller's; a patient of another organisation is simply not found. */
async function patientOrg(manager: EntityManager, orgIds: readonly string[], patientId: string): Promise<string> {
  const rows: { org_id: string }[] = await manager.query(
    `SELECT org_id FROM ${S}.patient WHERE patient_id = $1 AND org_id = ANY($2) AND merged_into IS NULL`,
    [patientId, orgIds],
  );
  if (rows.length === 0) throw new ComplaintError(ComplaintErrorCode.PatientNotFound, 'no such patient');
  if (rows.length > 1)
    throw new ComplaintError(ComplaintErrorCode.OrganisationRequired, 'patient is in several of your organisations');
  return rows[0]!.org_id;
}

async function lockCase(manager: EntityManager, orgIds: readonly string[], id: string): Promise<LockedCase> {
  const rows: LockedCase[] = await manager.query(
    `SELECT id, org_id, patient_id, kind, status, escalated, department_code, sla_due_at
       FROM ${S}.complaint WHERE id = $1 AND org_id = ANY($2) FOR UPDATE`,
    [id, orgIds],
  );
  const found = rows[0];
  if (!found) throw new ComplaintError(ComplaintErrorCode.ComplaintNotFound, 'no such case');
  if (found.status === 'resolved') throw new ComplaintError(ComplaintErrorCode.AlreadyResolved, 'case already closed');
  return found;
}
