import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { DEFAULT_SAMPLING_RATE, ORG_DEFAULT_AGENT } from './call-sampling';

const TABLE = `"${OUTREACH_SCHEMA}".call_audit_rate`;

export async function setSamplingRate(
  manager: EntityManager,
  orgId: string,
  agentStaffId: string,
  rate: number,
  updatedBy: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${TABLE} (org_id, agent_staff_id, rate, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, agent_staff_id) DO UPDATE
       SET rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [orgId, agentStaffId, rate, updatedBy],
  );
}

/** The organisation's default rate and every agent's own rate. */
export async function samplingRates(manager: EntityManager, orgId: string) {
  const rows: { agent_staff_id: string; rate: string; updated_by: string }[] = await manager.query(
    `SELECT agent_staff_id, rate, updated_by FROM ${TABLE} WHERE org_id = $1 ORDER BY agent_staff_id`,
    [orgId],
  );
  const orgDefault = rows.find((row) => row.agent_staff_id === ORG_DEFAULT_AGENT);
  return {
    orgId,
    defaultRate: orgDefault === undefined ? DEFAULT_SAMPLING_RATE : Number(orgDefault.rate),
    agents: rows
      .filter((row) => row.agent_staff_id !== ORG_DEFAULT_AGENT)
      .map((row) => ({ agentId: row.agent_staff_id, rate: Number(row.rate), updatedBy: row.updated_by })),
  };
}
