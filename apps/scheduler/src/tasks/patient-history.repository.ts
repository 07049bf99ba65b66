import { type AnyEventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';

const TABLE = `"${SCHEDULER_SCHEMA}".patient_history`;

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

  async eventsOf(orgId: string, patientIds: readonly string[]): Promise<AnyEventEnvelope[]> {
    const rows: { envelope: AnyEventEnvelope }[] = await this.manager.query(
      `SELECT envelope FROM ${TABLE} WHERE org_id = $1 AND patient_id = ANY($2::text[]) ORDER BY event_id`,
      [orgId, patientIds],
    );
    return rows.map((row) => row.envelope);
  }
}
