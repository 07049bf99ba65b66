import { type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { INGEST_SCHEMA } from '../../database/ingest-schema';
import { type PatientSnapshot } from '../../normalise/normalised-event';
import { type PersonRecord } from '../matching';

const S = `"${INGEST_SCHEMA}"`;

export type LinkState = 'MATCH' | 'POSSIBLE_MATCH' | 'NO_MATCH';
export type LinkMethod = 'AUTO' | 'MANUAL';

export interface StoredSourceRecord {
  readonly id: string;
  readonly sourceSystem: string;
  readonly localId: string;
  readonly enterpriseId: string;
  readonly snapshot: PatientSnapshot;
  readonly person: PersonRecord;
}

export interface PairLink {
  readonly enterpriseId: string;
  readonly state: LinkState;
  readonly method: LinkMethod;
}

export interface CrossReference {
  readonly system: string;
  readonly value: string;
  readonly type: string;
  readonly sourceSystem: string;
  readonly localId: string;
}

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly enterpriseId?: string;
  readonly sourceRecordId?: string;
  readonly reason?: string;
  /** Ids, states, scores and codes only: never demographics. */
  readonly detail?: Record<string, unknown>;
}

interface SourceRecordRow {
  id: string;
  source_system: string;
  local_id: string;
  enterprise_id: string;
  snapshot: PatientSnapshot;
  person: PersonRecord;
}

const toSourceRecord = (row: SourceRecordRow): StoredSourceRecord => ({
  id: row.id,
  sourceSystem: row.source_system,
  localId: row.local_id,
  enterpriseId: row.enterprise_id,
  snapshot: row.snapshot,
  person: row.person,
});

const RECORD_COLUMNS = 'id, source_system, local_id, enterprise_id, snapshot, person';

/**
 * SQL over the EMPI tables, always inside the caller's transaction. Writers call `lockRegistry` first: EMPI
 * changes are serialised so two messages about one new person cannot both create an enterprise id.
 */
export class EmpiRegistryRepository {
  constructor(private readonly manager: EntityManager) {}

  async lockRegistry(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('revisit-ingest-empi-registry'))`);
  }

  async newEnterprisePatient(): Promise<string> {
    const [row] = (await this.manager.query(
      `INSERT INTO ${S}.enterprise_patient (id, status)
       VALUES ('EP' || lpad(nextval('${INGEST_SCHEMA}.enterprise_patient_seq')::text, 10, '0'), 'active')
       RETURNING id`,
    )) as { id: string }[];
    return row!.id;
  }

  async enterprisePatient(
    id: string,
  ): Promise<{ id: string; status: 'active' | 'merged'; mergedInto: string | null } | undefined> {
    const [row] = (await this.manager.query(
      `SELECT id, status, merged_into FROM ${S}.enterprise_patient WHERE id = $1 FOR UPDATE`,
      [id],
    )) as { id: string; status: 'active' | 'merged'; merged_into: string | null }[];
    return row && { id: row.id, status: row.status, mergedInto: row.merged_into };
  }

  async setMerged(id: string, into: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${S}.enterprise_patient SET status = 'merged', merged_into = $2, updated_at = now() WHERE id = $1`,
      [id, into],
    );
  }

  async setActive(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE ${S}.enterprise_patient SET status = 'active', merged_into = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async findSourceRecord(sourceSystem: string, localId: string): Promise<StoredSourceRecord | undefined> {
    const [row] = (await this.manager.query(
      `SELECT ${RECORD_COLUMNS} FROM ${S}.source_record WHERE source_system = $1 AND local_id = $2 FOR UPDATE`,
      [sourceSystem, localId],
    )) as SourceRecordRow[];
    return row && toSourceRecord(row);
  }

  async sourceRecord(id: string): Promise<StoredSourceRecord | undefined> {
    const [row] = (await this.manager.query(`SELECT ${RECORD_COLUMNS} FROM ${S}.source_record WHERE id = $1`, [
      id,
    ])) as SourceRecordRow[];
    return row && toSourceRecord(row);
  }

  async sourceRecordsOf(enterpriseId: string): Promise<StoredSourceRecord[]> {
    const rows = (await this.manager.query(
      `SELECT ${RECORD_COLUMNS} FROM ${S}.source_record WHERE enterprise_id = $1 ORDER BY created_at, id`,
      [enterpriseId],
    )) as SourceRecordRow[];
    return rows.map(toSourceRecord);
  }

  async sourceRecordsByIds(ids: readonly string[]): Promise<StoredSourceRecord[]> {
    if (ids.length === 0) return [];
    const rows = (await this.manager.query(`SELECT ${RECORD_COLUMNS} FROM ${S}.source_record WHERE id = ANY($1)`, [
      ids,
    ])) as SourceRecordRow[];
    return rows.map(toSourceRecord);
  }

  async insertSourceRecord(record: StoredSourceRecord): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${S}.source_record (id, source_system, local_id, enterprise_id, snapshot, person)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [
        record.id,
        record.sourceSystem,
        record.localId,
        record.enterpriseId,
        JSON.stringify(record.snapshot),
        JSON.stringify(record.person),
      ],
    );
  }

  async updateSourceRecord(id: string, snapshot: PatientSnapshot, person: PersonRecord): Promise<void> {
    await this.manager.query(
      `UPDATE ${S}.source_record SET snapshot = $2::jsonb, person = $3::jsonb, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(snapshot), JSON.stringify(person)],
    );
  }

  async replaceIdentifiers(
    sourceRecordId: string,
    identifiers: readonly { system: string; value: string; type: string }[],
  ): Promise<void> {
    await this.manager.query(`DELETE FROM ${S}.source_identifier WHERE source_record_id = $1`, [sourceRecordId]);
    if (identifiers.length === 0) return;
    await this.manager.query(
      `INSERT INTO ${S}.source_identifier (source_record_id, system, value, type)
       SELECT $1::uuid, r.system, r.value, r.type FROM jsonb_to_recordset($2::jsonb) AS r(system text, value text, type text)
       ON CONFLICT DO NOTHING`,
      [sourceRecordId, JSON.stringify(identifiers)],
    );
  }

  async replaceBlockingKeys(sourceRecordId: string, keys: readonly string[]): Promise<void> {
    await this.manager.query(`DELETE FROM ${S}.blocking_key WHERE source_record_id = $1`, [sourceRecordId]);
    if (keys.length === 0) return;
    await this.manager.query(
      `INSERT INTO ${S}.blocking_key (key, source_record_id) SELECT DISTINCT unnest($1::text[]), $2::uuid
       ON CONFLICT DO NOTHING`,
      [keys, sourceRecordId],
    );
  }

  /**
   * Records sharing a blocking key with the probe. A key held by more than `maxBlockSize` records is not
   * distinctive (a common name, a clinic's switchboard number) and is skipped, as in the batch linker.
   */
  async candidates(keys: readonly string[], maxBlockSize: number, excludeId?: string): Promise<StoredSourceRecord[]> {
    if (keys.length === 0) return [];
    const blocks = (await this.manager.query(
      `SELECT k.key, ARRAY(SELECT b.source_record_id FROM ${S}.blocking_key b WHERE b.key = k.key LIMIT $2) AS ids
         FROM unnest($1::text[]) AS k(key)`,
      [keys, maxBlockSize + 1],
    )) as { key: string; ids: string[] }[];
    const ids = new Set<string>();
    for (const block of blocks) {
      if (block.ids.length > maxBlockSize) continue;
      for (const id of block.ids) if (id !== excludeId) ids.add(id);
    }
    return this.sourceRecordsByIds([...ids]);
  }

  async pairLinks(sourceRecordId: string): Promise<PairLink[]> {
    const rows = (await this.manager.query(
      `SELECT enterprise_id, state, method FROM ${S}.patient_link WHERE source_record_id = $1`,
      [sourceRecordId],
    )) as { enterprise_id: string; state: LinkState; method: LinkMethod }[];
    return rows.map((r) => ({ enterpriseId: r.enterprise_id, state: r.state, method: r.method }));
  }

  /** Assigns the source record to an enterprise patient: its one MATCH link moves there. */
  async assign(
    sourceRecordId: string,
    enterpriseId: string,
    link: { method: LinkMethod; score?: number; reason?: string; decidedBy?: string },
  ): Promise<void> {
    await this.manager.query(`DELETE FROM ${S}.patient_link WHERE source_record_id = $1 AND state = 'MATCH'`, [
      sourceRecordId,
    ]);
    await this.upsertLink(sourceRecordId, enterpriseId, 'MATCH', link);
    await this.manager.query(`UPDATE ${S}.source_record SET enterprise_id = $2, updated_at = now() WHERE id = $1`, [
      sourceRecordId,
      enterpriseId,
    ]);
  }

  async upsertLink(
    sourceRecordId: string,
    enterpriseId: string,
    state: LinkState,
    link: { method: LinkMethod; score?: number; reason?: string; decidedBy?: string },
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${S}.patient_link (id, source_record_id, enterprise_id, state, method, score, reason, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (source_record_id, enterprise_id) DO UPDATE
         SET state = EXCLUDED.state, method = EXCLUDED.method, score = EXCLUDED.score, reason = EXCLUDED.reason,
             decided_by = EXCLUDED.decided_by, decided_at = now()`,
      [
        uuidv7(),
        sourceRecordId,
        enterpriseId,
        state,
        link.method,
        link.score ?? null,
        link.reason ?? null,
        link.decidedBy ?? null,
      ],
    );
  }

  async recordsWithIdentifier(
    system: string,
    value: string,
  ): Promise<{ sourceRecordId: string; enterpriseId: string }[]> {
    const rows = (await this.manager.query(
      `SELECT sr.id, sr.enterprise_id FROM ${S}.source_identifier si
         JOIN ${S}.source_record sr ON sr.id = si.source_record_id
        WHERE si.system = $1 AND si.value = $2`,
      [system, value],
    )) as { id: string; enterprise_id: string }[];
    return rows.map((r) => ({ sourceRecordId: r.id, enterpriseId: r.enterprise_id }));
  }

  async isKnownIdentifierSystem(system: string): Promise<boolean> {
    const rows = (await this.manager.query(`SELECT 1 FROM ${S}.source_identifier WHERE system = $1 LIMIT 1`, [
      system,
    ])) as unknown[];
    return rows.length > 0;
  }

  async crossReferences(enterpriseId: string): Promise<CrossReference[]> {
    const rows = (await this.manager.query(
      `SELECT si.system, si.value, si.type, sr.source_system, sr.local_id
         FROM ${S}.source_record sr JOIN ${S}.source_identifier si ON si.source_record_id = sr.id
        WHERE sr.enterprise_id = $1
        ORDER BY sr.created_at, sr.id, si.system, si.value`,
      [enterpriseId],
    )) as { system: string; value: string; type: string; source_system: string; local_id: string }[];
    return rows.map((r) => ({
      system: r.system,
      value: r.value,
      type: r.type,
      sourceSystem: r.source_system,
      localId: r.local_id,
    }));
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${S}.empi_audit (actor, action, enterprise_id, source_record_id, reason, detail)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        entry.actor,
        entry.action,
        entry.enterpriseId ?? null,
        entry.sourceRecordId ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }
}
