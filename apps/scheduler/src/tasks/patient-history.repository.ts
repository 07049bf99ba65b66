import { type AnyEventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';

const TABLE = `"${SCHEDULER_SCHEMA}".patient_history`;

export interface StoredEvent {
  /** the enterprise id the event is filed under (its subject, or the restored id after an unmerge) */
  readonly patientId: string;
  readonly envelope: AnyEventEnvelope;
}

export interface SourceRecordRef {
  readonly system: string;
  readonly localId: string;
}

/** The catalogue events each patient's tasks are derived from, one row per event id. */
export class PatientHistoryRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records an event; a replay (same event id) changes nothing. Returns whether the row is new. */
  async append(envelope: AnyEventEnvelope): Promise<boolean> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ${TABLE} (event_id, org_id, patient_id, event_type, envelope) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [envelope.id, envelope.orgid, envelope.subject, envelope.type, JSON.stringify(envelope)],
    );
    return inserted.length > 0;
  }

  async eventsOf(orgId: string, patientIds: readonly string[]): Promise<StoredEvent[]> {
    const rows: { patient_id: string; envelope: AnyEventEnvelope }[] = await this.manager.query(
      `SELECT patient_id, envelope FROM ${TABLE} WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY event_id`,
      [orgId, patientIds],
    );
    return rows.map((row) => ({ patientId: row.patient_id, envelope: row.envelope }));
  }

  /**
   * After an unmerge: events filed under `fromIds` whose patient record (`data.patient`) is one of the
   * records moving back are filed under the restored id again. Returns how many moved.
   */
  async refileSourceRecords(
    orgId: string,
    fromIds: readonly string[],
    toId: string,
    records: readonly SourceRecordRef[],
  ): Promise<number> {
    if (records.length === 0) return 0;
    const moved: unknown[] = await this.manager.query(
      `UPDATE ${TABLE} h SET patient_id = $3
         FROM jsonb_to_recordset($4::jsonb) AS r(system text, "localId" text)
        WHERE h.org_id = $1 AND h.patient_id = ANY($2::text[])
          AND h.envelope->'data'->'patient'->>'sourceSystem' = r.system
          AND h.envelope->'data'->'patient'->>'localId' = r."localId"
       RETURNING h.event_id`,
      [orgId, fromIds, toId, JSON.stringify(records)],
    );
    return moved.length;
  }
}
