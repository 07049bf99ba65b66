import { type DataSource } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { offsetTime } from '../escalation/outreach-events';
import { superiorOf } from './complaint-routing';
import { loadRouting } from './complaint-routing.store';
import { appendHistory } from './complaint-history';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * One round of the SLA timer: cases still open past their deadline go to the superior department's
 * responsible person (or stay, flagged, at the top of the hierarchy). The deadline lives in the row, so a
 * restart loses nothing; SKIP LOCKED lets several replicas share the work. Returns how many moved.
 */
export async function escalateOverdueCases(dataSource: DataSource, now: Date, batchSize: number): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const due: { id: string; org_id: string; department_code: string; assignee_staff_id: string; sla_due_at: Date }[] =
      await manager.query(
        `SELECT id, org_id, department_code, assignee_staff_id, sla_due_at FROM ${S}.complaint
          WHERE status = 'open' AND sla_due_at <= $1 ORDER BY sla_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, batchSize],
      );
    for (const row of due) {
      const { routing } = await loadRouting(manager, row.org_id);
      const superior = superiorOf(routing, row.department_code);
      const department = superior?.code ?? row.department_code;
      const assignee = superior?.responsibleStaffId ?? row.assignee_staff_id;
      await manager.query(
        `UPDATE ${S}.complaint SET status = 'escalated', escalated = true, escalated_at = $2, department_code = $3,
            assignee_staff_id = $4 WHERE id = $1`,
        [row.id, now, department, assignee],
      );
      await appendHistory(manager, {
        complaintId: row.id,
        orgId: row.org_id,
        actor: 'system',
        action: 'escalated',
        detail: {
          fromDepartmentCode: row.department_code,
          toDepartmentCode: department,
          assigneeStaffId: assignee,
          slaDueAt: offsetTime(row.sla_due_at),
          topOfHierarchy: superior === undefined,
        },
        at: now,
      });
    }
    return due.length;
  });
}
