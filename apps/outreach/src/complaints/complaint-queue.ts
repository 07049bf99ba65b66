import { type Principal } from '@revisit/platform';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { offsetTime } from '../escalation/outreach-events';
import { recordViews } from '../security/audit-log';
import { ComplaintError, ComplaintErrorCode } from './complaints.errors';

const S = `"${OUTREACH_SCHEMA}"`;
const SUMMARY_LENGTH = 80;

export interface QueueFilter {
  readonly status?: string;
  readonly department?: string;
  readonly kind?: string;
  readonly breached?: boolean;
  readonly limit: number;
}

interface CaseRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string | null;
  task_id: string | null;
  kind: string;
  source: string;
  severity: string;
  category_code: string | null;
  text: string;
  department_code: string;
  assignee_staff_id: string;
  status: string;
  escalated: boolean;
  breached: boolean;
  opened_by_staff_id: string;
  opened_at: Date;
  sla_due_at: Date;
  escalated_at: Date | null;
  resolution: string | null;
  resolution_text: string | null;
  resolved_by_staff_id: string | null;
  resolved_at: Date | null;
}

// A case is breached when it was, or still is, open past its deadline.
const SELECT = `SELECT c.*, p.demographics->'names'->0->>'text' AS patient_name,
    coalesce(c.resolved_at, now()) > c.sla_due_at AS breached
  FROM ${S}.complaint c LEFT JOIN ${S}.patient p USING (org_id, patient_id)`;

/**
 * The supervisors' queue, soonest deadline first. Reading a case shows patient data, so each case listed or
 * opened leaves an audit-log entry in the same transaction.
 */
export async function listCases(manager: EntityManager, principal: Principal, filter: QueueFilter) {
  const params: unknown[] = [principal.orgIds];
  const where = ['c.org_id = ANY($1)'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.status !== undefined) add('c.status = ?', filter.status);
  if (filter.department !== undefined) add('c.department_code = ?', filter.department);
  if (filter.kind !== undefined) add('c.kind = ?', filter.kind);
  if (filter.breached !== undefined) add('(coalesce(c.resolved_at, now()) > c.sla_due_at) = ?', filter.breached);
  params.push(filter.limit);
  const rows: CaseRow[] = await manager.query(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.sla_due_at, c.id LIMIT $${params.length}`,
    params,
  );
  await audit(manager, principal, rows);
  return { items: rows.map((row) => ({ ...summaryOf(row), summary: summarise(row.text) })) };
}

export async function getCase(manager: EntityManager, principal: Principal, id: string) {
  const rows: CaseRow[] = await manager.query(`${SELECT} WHERE c.id = $1 AND c.org_id = ANY($2)`, [
    id,
    principal.orgIds,
  ]);
  const row = rows[0];
  if (!row) throw new ComplaintError(ComplaintErrorCode.ComplaintNotFound, 'no such case');
  await audit(manager, principal, [row]);
  const history: { at: Date; actor: string; action: string; detail: object }[] = await manager.query(
    `SELECT at, actor, action, detail FROM ${S}.complaint_history WHERE complaint_id = $1 ORDER BY id`,
    [id],
  );
  return {
    ...summaryOf(row),
    text: row.text,
    source: row.source,
    severity: row.severity,
    categoryCode: row.category_code ?? undefined,
    openedByStaffId: row.opened_by_staff_id,
    escalatedAt: row.escalated_at === null ? undefined : offsetTime(row.escalated_at),
    resolution: row.resolution ?? undefined,
    resolutionText: row.resolution_text ?? undefined,
    resolvedByStaffId: row.resolved_by_staff_id ?? undefined,
    history: history.map((h) => ({ at: offsetTime(h.at), actor: h.actor, action: h.action, detail: h.detail })),
  };
}

function summaryOf(row: CaseRow) {
  return {
    complaintId: row.id,
    orgId: row.org_id,
    patientId: row.patient_id,
    patientName: row.patient_name ?? undefined,
    taskId: row.task_id ?? undefined,
    kind: row.kind,
    department: row.department_code,
    assigneeStaffId: row.assignee_staff_id,
    status: row.status,
    escalated: row.escalated,
    breached: row.breached,
    openedAt: offsetTime(row.opened_at),
    slaDueAt: offsetTime(row.sla_due_at),
    resolvedAt: row.resolved_at === null ? undefined : offsetTime(row.resolved_at),
  };
}

function summarise(text: string): string {
  const chars = [...text];
  return chars.length <= SUMMARY_LENGTH ? text : `${chars.slice(0, SUMMARY_LENGTH - 1).join('')}…`;
}

function audit(manager: EntityManager, principal: Principal, rows: readonly CaseRow[]) {
  return recordViews(
    manager,
    principal,
    rows.map((row) => ({
      orgId: row.org_id,
      patientId: row.patient_id,
      ...(row.task_id === null ? {} : { taskId: row.task_id }),
      action: 'complaint.view' as const,
    })),
  );
}
