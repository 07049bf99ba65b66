import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';

const TABLE = `"${SCHEDULER_SCHEMA}".patient_merge`;
/** Merge chains longer than this are data errors; following them stops rather than looping. */
const MAX_CHAIN = 32;

/** Which enterprise ids currently stand for one person (EMPI merges that have not been undone). */
export class PatientMergeRepository {
  constructor(private readonly manager: EntityManager) {}

  async recordMerge(orgId: string, retiredId: string, survivingId: string, eventId: string, at: string): Promise<void> {
    if (retiredId === survivingId) return;
    await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, retired_id, surviving_id, merged_event_id, merged_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz)
       ON CONFLICT (org_id, retired_id) DO UPDATE SET surviving_id = EXCLUDED.surviving_id,
         merged_event_id = EXCLUDED.merged_event_id, merged_at = EXCLUDED.merged_at, unmerged_at = NULL
       WHERE ${TABLE}.merged_at <= EXCLUDED.merged_at`,
      [orgId, retiredId, survivingId, eventId, at],
    );
  }

  /** Ends the merge of `restoredId` into `survivingId`; an unmerge older than the standing merge is ignored. */
  async recordUnmerge(orgId: string, survivingId: string, restoredId: string, at: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${TABLE} SET unmerged_at = $4::timestamptz
        WHERE org_id = $1 AND retired_id = $3 AND surviving_id = $2 AND merged_at <= $4::timestamptz`,
      [orgId, survivingId, restoredId, at],
    );
  }

  /** The id that stands for this patient now: the end of its chain of standing merges. */
  async canonicalOf(orgId: string, patientId: string): Promise<string> {
    const seen = new Set([patientId]);
    let current = patientId;
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
      const rows: { surviving_id: string }[] = await this.manager.query(
        `SELECT surviving_id FROM ${TABLE} WHERE org_id = $1 AND retired_id = $2 AND unmerged_at IS NULL`,
        [orgId, current],
      );
      const next = rows[0]?.surviving_id;
      if (next === undefined || seen.has(next)) return current;
      seen.add(next);
      current = next;
    }
    return current;
  }

  /** The canonical id and every id merged into it, directly or through a chain. */
  async idsOf(orgId: string, canonicalId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `WITH RECURSIVE merged(id, depth) AS (
         SELECT $2::text, 0
         UNION
         SELECT m.retired_id, merged.depth + 1 FROM ${TABLE} m JOIN merged ON m.surviving_id = merged.id
          WHERE m.org_id = $1 AND m.unmerged_at IS NULL AND merged.depth < ${MAX_CHAIN})
       SELECT DISTINCT id FROM merged ORDER BY id`,
      [orgId, canonicalId],
    );
    return rows.map((row) => row.id);
  }
}
