import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

export type ComplaintAction = 'opened' | 'assigned' | 'escalated' | 'resolved';

/** Appends one step of a case's life (the table refuses updates and deletes), in the transaction that made it. */
export async function appendHistory(
  manager: EntityManager,
  entry: { complaintId: string; orgId: string; actor: string; action: ComplaintAction; detail: object; at: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO "${OUTREACH_SCHEMA}".complaint_history (complaint_id, org_id, at, actor, action, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.complaintId, entry.orgId, entry.at, entry.actor, entry.action, JSON.stringify(entry.detail)],
  );
}
