import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const MERGE = `"${OUTREACH_SCHEMA}".patient_merge`;
// Merge chains are short in practice; the bound only stops a corrupt cycle from looping.
const MAX_DEPTH = 32;

export interface PatientGroup {
  /** The id that survived every merge the asked id went through (the asked id when never merged). */
  readonly root: string;
  /** The root and every id merged into it, directly or through another merge. */
  readonly members: readonly string[];
}

/**
 * One person as the EMPI currently sees them. History stays under the id it was recorded with; reads go
 * through the group, so a merge folds it together and an unmerge (one deleted row) splits it back.
 */
export async function patientGroup(manager: EntityManager, orgId: string, patientId: string): Promise<PatientGroup> {
  const rows: { root: string; members: string[] }[] = await manager.query(
    `WITH RECURSIVE up(id, depth) AS (
       SELECT $2::text, 0
       UNION ALL
       SELECT m.surviving_id, up.depth + 1 FROM ${MERGE} m JOIN up ON m.org_id = $1 AND m.retired_id = up.id
        WHERE up.depth < $3
     ), root AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
     down(id, depth) AS (
       SELECT id, 0 FROM root
       UNION ALL
       SELECT m.retired_id, down.depth + 1 FROM ${MERGE} m JOIN down ON m.org_id = $1 AND m.surviving_id = down.id
        WHERE down.depth < $3
     )
     SELECT (SELECT id FROM root) AS root, array_agg(DISTINCT id) AS members FROM down`,
    [orgId, patientId, MAX_DEPTH],
  );
  const row = rows[0];
  return row ? { root: row.root, members: row.members } : { root: patientId, members: [patientId] };
}
