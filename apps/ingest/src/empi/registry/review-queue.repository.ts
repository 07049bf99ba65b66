import { type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { INGEST_SCHEMA } from '../../database/ingest-schema';

const S = `"${INGEST_SCHEMA}"`;

export type ReviewStatus = 'open' | 'linked' | 'not-linked' | 'obsolete';

export interface ReviewItem {
  readonly id: string;
  readonly sourceRecordId: string;
  readonly candidateEnterpriseId: string;
  readonly score: number;
  readonly status: ReviewStatus;
  readonly createdAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly reason: string | null;
}

interface ReviewRow {
  id: string;
  source_record_id: string;
  candidate_enterprise_id: string;
  score: number;
  status: ReviewStatus;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
}

const toItem = (r: ReviewRow): ReviewItem => ({
  id: r.id,
  sourceRecordId: r.source_record_id,
  candidateEnterpriseId: r.candidate_enterprise_id,
  score: r.score,
  status: r.status,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
});

/** POSSIBLE_MATCH pairs waiting for a data steward; at most one open item per pair. */
export class ReviewQueueRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Returns the new item's id, or undefined when the pair is already waiting. */
  async open(sourceRecordId: string, candidateEnterpriseId: string, score: number): Promise<string | undefined> {
    const rows = (await this.manager.query(
      `INSERT INTO ${S}.review_item (id, source_record_id, candidate_enterprise_id, score, status)
       VALUES ($1, $2, $3, $4, 'open')
       ON CONFLICT (source_record_id, candidate_enterprise_id) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [uuidv7(), sourceRecordId, candidateEnterpriseId, score],
    )) as { id: string }[];
    return rows[0]?.id;
  }

  async list(status: ReviewStatus, limit: number): Promise<ReviewItem[]> {
    const rows = (await this.manager.query(
      `SELECT * FROM ${S}.review_item WHERE status = $1 ORDER BY created_at, id LIMIT $2`,
      [status, limit],
    )) as ReviewRow[];
    return rows.map(toItem);
  }

  async lock(id: string): Promise<ReviewItem | undefined> {
    const [row] = (await this.manager.query(`SELECT * FROM ${S}.review_item WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as ReviewRow[];
    return row && toItem(row);
  }

  async decide(
    id: string,
    status: Exclude<ReviewStatus, 'open'>,
    decidedBy: string,
    reason: string | null,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE ${S}.review_item SET status = $2, decided_by = $3, decided_at = now(), reason = $4 WHERE id = $1`,
      [id, status, decidedBy, reason],
    );
  }

  /** Open items that no longer make sense once the record or the candidate moved (merge, manual link). */
  async obsoleteOpenFor(sourceRecordId: string, exceptId?: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${S}.review_item SET status = 'obsolete', decided_at = now()
        WHERE source_record_id = $1 AND status = 'open' AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [sourceRecordId, exceptId ?? null],
    );
  }
}
