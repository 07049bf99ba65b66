import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type ContactPreferences, DEFAULT_PREFERENCES } from './contact-rules';

const TABLE = `"${OUTREACH_SCHEMA}".contact_preference`;

export class ContactPreferenceRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The patient's preferences, locked for this transaction (defaults when none were recorded). */
  async lock(orgId: string, patientId: string): Promise<ContactPreferences> {
    await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, patient_id, preferences) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING`,
      [orgId, patientId, JSON.stringify(DEFAULT_PREFERENCES)],
    );
    const rows: { preferences: ContactPreferences }[] = await this.manager.query(
      `SELECT preferences FROM ${TABLE} WHERE org_id = $1 AND patient_id = $2 FOR UPDATE`,
      [orgId, patientId],
    );
    return rows[0]?.preferences ?? DEFAULT_PREFERENCES;
  }

  async get(orgId: string, patientId: string): Promise<ContactPreferences> {
    const rows: { preferences: ContactPreferences }[] = await this.manager.query(
      `SELECT preferences FROM ${TABLE} WHERE org_id = $1 AND patient_id = $2`,
      [orgId, patientId],
    );
    return rows[0]?.preferences ?? DEFAULT_PREFERENCES;
  }

  async save(orgId: string, patientId: string, preferences: ContactPreferences): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, patient_id, preferences) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (org_id, patient_id) DO UPDATE SET preferences = EXCLUDED.preferences, updated_at = now()`,
      [orgId, patientId, JSON.stringify(preferences)],
    );
  }

  /** Start times of the patient's recent attempts, for the frequency cap. */
  async recentContacts(orgId: string, patientId: string, since: Date): Promise<Date[]> {
    const rows: { started_at: Date }[] = await this.manager.query(
      `SELECT started_at FROM "${OUTREACH_SCHEMA}".attempt
        WHERE org_id = $1 AND patient_id = $2 AND started_at > $3 ORDER BY started_at`,
      [orgId, patientId, since],
    );
    return rows.map((row) => row.started_at);
  }
}
