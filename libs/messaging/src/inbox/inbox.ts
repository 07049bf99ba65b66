import { type EntityManager } from 'typeorm';
import { messagingTables } from '../core/sql-identifiers';

export interface InboxEntry {
  eventId: string;
  type: string;
}

/**
 * Records which events a consumer group has applied. The row is written in the same transaction as
 * the handler's effect, so "row exists" means "effect committed" and a redelivery is skipped.
 */
export class Inbox {
  private readonly table: string;

  constructor(
    schema: string,
    private readonly groupId: string,
  ) {
    this.table = messagingTables(schema).inbox;
  }

  /** Inserts rows for the given events; returns the ids that were new (not yet applied). */
  async claim(manager: EntityManager, entries: readonly InboxEntry[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const rows = (await manager.query(
      `INSERT INTO ${this.table} (consumer_group, event_id, event_type)
       SELECT $1, e.id, e.type FROM jsonb_to_recordset($2::jsonb) AS e(id text, type text)
       ON CONFLICT (consumer_group, event_id) DO NOTHING
       RETURNING event_id`,
      [this.groupId, JSON.stringify(entries.map((entry) => ({ id: entry.eventId, type: entry.type })))],
    )) as { event_id: string }[];
    return new Set(rows.map((row) => row.event_id));
  }

  /** Deletes inbox rows older than the retention window, once the broker can no longer redeliver them. */
  async purgeOlderThan(manager: EntityManager, retentionMs: number, limit = 5000): Promise<number> {
    const result = (await manager.query(
      `DELETE FROM ${this.table}
        WHERE ctid IN (SELECT ctid FROM ${this.table}
                        WHERE consumer_group = $1 AND processed_at < now() - make_interval(secs => $2::float8 / 1000)
                        LIMIT $3)`,
      [this.groupId, retentionMs, limit],
    )) as [unknown[], number];
    return result[1];
  }
}
