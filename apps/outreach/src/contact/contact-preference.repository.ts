import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { patientGroup } from '../patients/patient-group';
import { type ContactPreferences, DEFAULT_PREFERENCES } from './contact-rules';
import { strictestPreferences } from './strictest-preferences';

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

  /**
   * The preferences that hold for the person: after an EMPI merge, those recorded under any of their ids,
   * the strictest winning; the patient's own record is kept apart, so an unmerge splits them back.
   */
  async get(orgId: string, patientId: string): Promise<ContactPreferences> {
    const { members } = await patientGroup(this.manager, orgId, patientId);
    const rows: { preferences: ContactPreferences }[] = await this.manager.query(
      `SELECT preferences FROM ${TABLE} WHERE org_id = $1 AND patient_id = ANY($2::text[])`,
      [orgId, members],
    );
    return strictestPreferences(rows.map((row) => row.preferences));
  }

  async save(orgId: string, patientId: string, preferences: ContactPreferences): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, patient_id, preferences) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (org_id, patient_id) DO UPDATE SET preferences = EXCLUDED.preferences, updated_at = now()`,
      [orgId, patientId, JSON.stringify(preferences)],
    );
  }

  /** Start times of the person's recent attempts (under any of their merged ids), for the frequency cap. */
  async recentContacts(orgId: string, patientId: string, since: Date): Promise<Date[]> {
    const { members } = await patientGroup(this.manager, orgId, patientId);
    const rows: { started_at: Date }[] = await this.manager.query(
      `SELECT started_at FROM "${OUTREACH_SCHEMA}".attempt
        WHERE org_id = $1 AND patient_id = ANY($2::text[]) AND started_at > $3 ORDER BY started_at`,
      [orgId, members, since],
    );
    return rows.map((row) => row.started_at);
  }
}
