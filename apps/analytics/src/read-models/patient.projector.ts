import { type EventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { localDate, table } from './read-model-sql';

/** Tables that hold a patient id; a merge re-keys each of them. */
const PATIENT_KEYED_TABLES = [
  'visit',
  'dispense',
  'dispense_reversal',
  'appointment',
  'task',
  'attempt',
  'survey_response',
  'complaint',
  'call_audit',
] as const;

/** Patient facts: demographics for age bands, end of care for churn exposure, and merges. */
export class PatientProjector {
  constructor(private readonly zone: string) {}

  async registered(
    m: EntityManager,
    e: EventEnvelope<'revisit.patient.registered.v1'> | EventEnvelope<'revisit.patient.updated.v1'>,
  ): Promise<void> {
    const d = e.data.demographics;
    const at = 'registeredAt' in e.data ? e.data.registeredAt : null;
    await m.query(
      `INSERT INTO ${table('patient')} (org_id, patient_id, birth_date, sex, registered_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (org_id, patient_id) DO UPDATE SET
         birth_date = COALESCE(EXCLUDED.birth_date, patient.birth_date),
         sex = EXCLUDED.sex,
         registered_at = COALESCE(LEAST(patient.registered_at, EXCLUDED.registered_at), patient.registered_at,
                                  EXCLUDED.registered_at)`,
      [e.orgid, e.data.enterpriseId, d.birthDate ?? null, d.sex, at],
    );
    if (d.deceased) await this.leftCare(m, e.orgid, e.data.enterpriseId, d.deceasedAt ?? e.time, 'deceased');
  }

  async contactPreferences(m: EntityManager, e: EventEnvelope<'revisit.outreach.contact-preference-changed.v1'>) {
    const p = e.data;
    const reason = p.deceased
      ? 'deceased'
      : p.movedAway
        ? 'moved-away'
        : p.doesNotWantFollowUp
          ? 'does-not-want-follow-up'
          : null;
    if (reason === null) return;
    await this.leftCare(m, e.orgid, p.patientEnterpriseId, p.changedAt, reason);
  }

  /** From this day the patient is no longer expected to come back, so churn stops counting their visits. */
  private async leftCare(m: EntityManager, org: string, patient: string, at: string, reason: string): Promise<void> {
    await m.query(
      `INSERT INTO ${table('patient')} (org_id, patient_id, left_care_on, left_care_reason)
       VALUES ($1, $2, ${localDate('$3', '$5')}, $4)
       ON CONFLICT (org_id, patient_id) DO UPDATE SET
         left_care_on = LEAST(patient.left_care_on, EXCLUDED.left_care_on),
         left_care_reason = CASE WHEN patient.left_care_on IS NULL OR EXCLUDED.left_care_on < patient.left_care_on
                                 THEN EXCLUDED.left_care_reason ELSE patient.left_care_reason END`,
      [org, patient, at, reason, this.zone],
    );
  }

  /** Re-keys every fact of the retired id onto the surviving one; later events for it follow the alias. */
  async merged(m: EntityManager, e: EventEnvelope<'revisit.patient.merged.v1'>): Promise<void> {
    const { survivingEnterpriseId: surviving, retiredEnterpriseId: retired, mergedAt } = e.data;
    const org = e.orgid;
    await m.query(
      `INSERT INTO ${table('patient_alias')} (org_id, retired_id, surviving_id, merged_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_id, retired_id) DO UPDATE SET surviving_id = EXCLUDED.surviving_id, merged_at = EXCLUDED.merged_at`,
      [org, retired, surviving, mergedAt],
    );
    // An earlier merge into the retired id now points at the new survivor too.
    await m.query(`UPDATE ${table('patient_alias')} SET surviving_id = $3 WHERE org_id = $1 AND surviving_id = $2`, [
      org,
      retired,
      surviving,
    ]);
    for (const name of PATIENT_KEYED_TABLES) {
      await m.query(`UPDATE ${table(name)} SET patient_id = $3 WHERE org_id = $1 AND patient_id = $2`, [
        org,
        retired,
        surviving,
      ]);
    }
    // The same person cannot sit in both arms of a plan: the surviving id's draw stands.
    await m.query(
      `UPDATE ${table('cohort')} c SET patient_id = $3 WHERE org_id = $1 AND patient_id = $2
         AND NOT EXISTS (SELECT 1 FROM ${table('cohort')} s WHERE s.org_id = $1 AND s.plan_id = c.plan_id AND s.patient_id = $3)`,
      [org, retired, surviving],
    );
    await m.query(`DELETE FROM ${table('cohort')} WHERE org_id = $1 AND patient_id = $2`, [org, retired]);
    await m.query(
      `INSERT INTO ${table('patient')} (org_id, patient_id, birth_date, sex, registered_at, left_care_on, left_care_reason)
       SELECT org_id, $3, birth_date, sex, registered_at, left_care_on, left_care_reason
         FROM ${table('patient')} WHERE org_id = $1 AND patient_id = $2
       ON CONFLICT (org_id, patient_id) DO UPDATE SET
         birth_date = COALESCE(patient.birth_date, EXCLUDED.birth_date),
         registered_at = LEAST(patient.registered_at, EXCLUDED.registered_at)`,
      [org, retired, surviving],
    );
    await m.query(`DELETE FROM ${table('patient')} WHERE org_id = $1 AND patient_id = $2`, [org, retired]);
  }

  /**
   * Moves back the facts that came from the listed source records. Follow-up facts carry no source record;
   * the scheduler re-derives the restored patient's tasks and announces them, which re-keys those.
   */
  async unmerged(m: EntityManager, e: EventEnvelope<'revisit.patient.unmerged.v1'>): Promise<void> {
    const { survivingEnterpriseId: surviving, restoredEnterpriseId: restored, movedSourceRecords } = e.data;
    const org = e.orgid;
    await m.query(`DELETE FROM ${table('patient_alias')} WHERE org_id = $1 AND retired_id = $2`, [org, restored]);
    const systems = movedSourceRecords.map((r) => r.system);
    const localIds = movedSourceRecords.map((r) => r.localId);
    await m.query(
      `UPDATE ${table('visit')} v SET patient_id = $3
         FROM unnest($4::text[], $5::text[]) AS moved(system, local_id)
        WHERE v.org_id = $1 AND v.patient_id = $2 AND v.source_system = moved.system AND v.source_local_id = moved.local_id`,
      [org, surviving, restored, systems, localIds],
    );
    await m.query(
      `UPDATE ${table('dispense')} d SET patient_id = $3
         FROM unnest($4::text[], $5::text[]) AS moved(system, local_id)
        WHERE d.org_id = $1 AND d.patient_id = $2
          AND d.payload->'patient'->>'sourceSystem' = moved.system AND d.payload->'patient'->>'localId' = moved.local_id`,
      [org, surviving, restored, systems, localIds],
    );
  }
}
