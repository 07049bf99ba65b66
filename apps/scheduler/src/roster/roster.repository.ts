import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';
import { type Roster } from './roster.types';

const TABLE = `"${SCHEDULER_SCHEMA}".roster_version`;

export interface StoredRoster {
  readonly orgId: string;
  readonly version: number;
  readonly roster: Roster;
  readonly changedBy: string | null;
  readonly createdAt: string;
}

interface Row {
  org_id: string;
  version: number;
  document: Roster;
  changed_by: string | null;
  created_at: Date;
}

function toStored(row: Row): StoredRoster {
  return {
    orgId: row.org_id,
    version: row.version,
    roster: row.document,
    changedBy: row.changed_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Roster versions per organisation: a change appends a version (the audit trail), the newest is in force. */
export class RosterRepository {
  constructor(private readonly manager: EntityManager) {}

  async append(orgId: string, roster: Roster, changedBy: string | null): Promise<StoredRoster> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduler-roster|${orgId}`]);
    const rows: Row[] = await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, version, document, changed_by)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3 FROM ${TABLE} WHERE org_id = $1
       RETURNING org_id, version, document, changed_by, created_at`,
      [orgId, JSON.stringify(roster), changedBy],
    );
    return toStored(rows[0]!);
  }

  async current(orgId: string): Promise<StoredRoster | undefined> {
    const rows: Row[] = await this.manager.query(
      `SELECT org_id, version, document, changed_by, created_at FROM ${TABLE}
        WHERE org_id = $1 ORDER BY version DESC LIMIT 1`,
      [orgId],
    );
    return rows[0] === undefined ? undefined : toStored(rows[0]);
  }

  /** The roster in force for each of these organisations (absent: the org has none). */
  async currentFor(orgIds: readonly string[]): Promise<Map<string, Roster>> {
    const rows: Row[] = await this.manager.query(
      `SELECT DISTINCT ON (org_id) org_id, version, document, changed_by, created_at FROM ${TABLE}
        WHERE org_id = ANY($1::text[]) ORDER BY org_id, version DESC`,
      [orgIds],
    );
    return new Map(rows.map((row) => [row.org_id, row.document]));
  }

  async history(orgId: string, limit: number): Promise<StoredRoster[]> {
    const rows: Row[] = await this.manager.query(
      `SELECT org_id, version, document, changed_by, created_at FROM ${TABLE}
        WHERE org_id = $1 ORDER BY version DESC LIMIT $2`,
      [orgId, limit],
    );
    return rows.map(toStored);
  }
}
