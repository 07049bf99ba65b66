import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type ComplaintRouting, DEFAULT_ROUTING } from './complaint-routing';

const TABLE = `"${OUTREACH_SCHEMA}".complaint_routing`;

/** The organisation's routing table, or the default one while its admins have not set any. */
export async function loadRouting(
  manager: EntityManager,
  orgId: string,
): Promise<{ routing: ComplaintRouting; isDefault: boolean }> {
  const rows: { routing: ComplaintRouting }[] = await manager.query(`SELECT routing FROM ${TABLE} WHERE org_id = $1`, [
    orgId,
  ]);
  const stored = rows[0]?.routing;
  return stored === undefined ? { routing: DEFAULT_ROUTING, isDefault: true } : { routing: stored, isDefault: false };
}

export async function saveRouting(
  manager: EntityManager,
  orgId: string,
  routing: ComplaintRouting,
  updatedBy: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${TABLE} (org_id, routing, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (org_id) DO UPDATE SET routing = EXCLUDED.routing, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [orgId, JSON.stringify(routing), updatedBy],
  );
}
