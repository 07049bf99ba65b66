import { type Principal } from '@revisit/platform';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { TASK_TABLE } from '../tasks/outreach-task.repository';

export interface WorklistFilter {
  readonly orgIds: readonly string[];
  readonly staffId: string;
  readonly leaseOwner: string;
  readonly callSlot: string | undefined;
  readonly limit: number;
  readonly now: Date;
}

export interface WorklistRow {
  readonly id: string;
  readonly org_id: string;
  readonly patient_id: string;
  readonly purpose: string;
  readonly priority: string;
  readonly priority_rank: number;
  readonly call_slot: string | null;
  readonly next_attempt_at: Date;
  readonly attempts: number;
  readonly lease_owner: string | null;
  readonly lease_expires_at: Date | null;
  readonly demographics: { names?: { text: string }[]; phones?: { number: string; kind: string }[] } | null;
}

/**
 * Open agent-call tasks due now for the caller's organisations: assigned to them or to the shared queue,
 * not leased by someone else; most urgent first, then the longest waiting.
 *
 * One ordered `task_worklist_idx` scan per organisation (LATERAL), merged afterwards: with
 * `org_id = ANY(...)` PostgreSQL cannot read the index in order, so it fetched and sorted every due task of
 * the organisations (about 90 ms for 50,000 tasks) where the per-organisation scans stop after `LIMIT` rows.
 */
export const WORKLIST_SQL = `
  SELECT t.id, t.org_id, t.patient_id, t.purpose, t.priority, t.priority_rank, t.call_slot, t.next_attempt_at, t.attempts,
         t.lease_owner, t.lease_expires_at, p.demographics
    FROM unnest($1::text[]) AS o(org_id)
   CROSS JOIN LATERAL (
         SELECT * FROM ${TASK_TABLE} t
          WHERE t.status = 'open' AND t.current_channel = 'phone-agent' AND t.org_id = o.org_id
            AND t.next_attempt_at <= $2
            AND (t.assignee_staff_id IS NULL OR t.assignee_staff_id = $3)
            AND (t.lease_expires_at IS NULL OR t.lease_expires_at < $2 OR t.lease_owner = $4)
            AND ($5::text IS NULL OR t.call_slot = $5)
          ORDER BY t.priority_rank DESC, t.next_attempt_at
          LIMIT $6) t
    LEFT JOIN "${OUTREACH_SCHEMA}".patient p ON p.org_id = t.org_id AND p.patient_id = t.patient_id
   ORDER BY t.priority_rank DESC, t.next_attempt_at
   LIMIT $6`;

/**
 * The worklist and its audit-log entries in one statement: the rows read are the rows recorded, atomically
 * (a statement is its own transaction), without the BEGIN / COMMIT round trips of an explicit transaction,
 * which cost more than the query itself under load.
 */
export const AUDITED_WORKLIST_SQL = `
  WITH listed AS (${WORKLIST_SQL}),
  audited AS (
    INSERT INTO "${OUTREACH_SCHEMA}".audit_log (actor_subject, actor_issuer, actor_staff_id, org_id, patient_id, task_id,
        action)
    SELECT $7, $8, $9, l.org_id, l.patient_id, l.id, 'worklist.view' FROM listed l)
  SELECT * FROM listed l ORDER BY l.priority_rank DESC, l.next_attempt_at, l.id`;

/**
 * Named, so each pooled connection plans the statement once (a prepared statement) instead of on every call:
 * planning took more CPU than running it (about 1.5 ms against 0.5 ms). TypeORM passes the query object to
 * node-postgres unchanged. Behind PgBouncer in transaction mode this needs `max_prepared_statements` > 0.
 */
const PREPARED_AUDITED_WORKLIST = {
  name: 'outreach-worklist-audited-v1',
  text: AUDITED_WORKLIST_SQL,
} as unknown as string;

export async function queryWorklistAudited(
  manager: EntityManager,
  filter: WorklistFilter,
  viewer: Principal,
): Promise<WorklistRow[]> {
  return manager.query(PREPARED_AUDITED_WORKLIST, [
    filter.orgIds,
    filter.now,
    filter.staffId,
    filter.leaseOwner,
    filter.callSlot ?? null,
    filter.limit,
    viewer.subject,
    viewer.issuer,
    viewer.staffId ?? null,
  ]);
}
