import { type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { INGEST_SCHEMA } from '../../database/ingest-schema';

const S = `"${INGEST_SCHEMA}"`;

export interface MergeRecord {
  readonly id: string;
  readonly survivingEnterpriseId: string;
  readonly retiredEnterpriseId: string;
  readonly movedSourceRecordIds: readonly string[];
  readonly method: 'AUTO' | 'MANUAL';
  readonly mergedBy: string | null;
  readonly mergedAt: Date;
  readonly reason: string | null;
  readonly unmergedBy: string | null;
  readonly unmergedAt: Date | null;
}

interface MergeRow {
  id: string;
  surviving_enterprise_id: string;
  retired_enterprise_id: string;
  moved_source_record_ids: string[];
  method: 'AUTO' | 'MANUAL';
  merged_by: string | null;
  merged_at: Date;
  reason: string | null;
  unmerged_by: string | null;
  unmerged_at: Date | null;
}

const toRecord = (r: MergeRow): MergeRecord => ({
  id: r.id,
  survivingEnterpriseId: r.surviving_enterprise_id,
  retiredEnterpriseId: r.retired_enterprise_id,
  movedSourceRecordIds: r.moved_source_record_ids,
  method: r.method,
  mergedBy: r.merged_by,
  mergedAt: r.merged_at,
  reason: r.reason,
  unmergedBy: r.unmerged_by,
  unmergedAt: r.unmerged_at,
});

/** Every merge of two enterprise patients, kept so that it can be undone exactly. */
export class MergeHistoryRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(merge: Omit<MergeRecord, 'id' | 'mergedAt' | 'unmergedBy' | 'unmergedAt'>): Promise<MergeRecord> {
    const [row] = (await this.manager.query(
      `INSERT INTO ${S}.merge_record
         (id, surviving_enterprise_id, retired_enterprise_id, moved_source_record_ids, method, merged_by, reason)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7) RETURNING *`,
      [
        uuidv7(),
        merge.survivingEnterpriseId,
        merge.retiredEnterpriseId,
        merge.movedSourceRecordIds,
        merge.method,
        merge.mergedBy,
        merge.reason,
      ],
    )) as MergeRow[];
    return toRecord(row!);
  }

  async lock(id: string): Promise<MergeRecord | undefined> {
    const [row] = (await this.manager.query(`SELECT * FROM ${S}.merge_record WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as MergeRow[];
    return row && toRecord(row);
  }

  async markUnmerged(id: string, by: string, reason: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${S}.merge_record SET unmerged_by = $2, unmerged_at = now(), unmerge_reason = $3 WHERE id = $1`,
      [id, by, reason],
    );
  }
}
