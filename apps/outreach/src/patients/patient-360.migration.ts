import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * The patient 360 read model: which source records the EMPI links to each enterprise id, which ids were merged
 * into which (history is never re-keyed, so an unmerge splits it back by deleting one row), the latest clinical
 * facts per patient, and what agents record: tags, special dates, referrals.
 */
export class OutreachPatient360_1795900000360 implements MigrationInterface {
  readonly name = 'OutreachPatient360_1795900000360';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.patient_source_record (
        org_id text NOT NULL,
        system text NOT NULL,
        local_id text NOT NULL,
        patient_id text NOT NULL,
        match_state text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, system, local_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX patient_source_record_patient_idx ON ${S}.patient_source_record (org_id, patient_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE ${S}.patient_merge (
        org_id text NOT NULL,
        retired_id text NOT NULL,
        surviving_id text NOT NULL,
        merged_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, retired_id)
      )`);
    await queryRunner.query(`CREATE INDEX patient_merge_surviving_idx ON ${S}.patient_merge (org_id, surviving_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.clinical_fact (
        org_id text NOT NULL,
        patient_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('dispensing', 'dispense-reversal', 'procedure', 'encounter')),
        source_system text NOT NULL,
        source_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary jsonb NOT NULL,
        PRIMARY KEY (org_id, kind, source_system, source_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX clinical_fact_patient_idx ON ${S}.clinical_fact (org_id, patient_id, kind, occurred_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE ${S}.patient_tag (
        org_id text NOT NULL,
        patient_id text NOT NULL,
        tag text NOT NULL CHECK (tag IN ('important')),
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, patient_id, tag)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.special_date (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('birthday', 'anniversary')),
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        day smallint NOT NULL CHECK (day BETWEEN 1 AND 31),
        year smallint NULL,
        label text NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX special_date_patient_idx ON ${S}.special_date (org_id, patient_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.referral (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        referred_name text NOT NULL,
        referred_phone text NOT NULL,
        relation text NOT NULL,
        note text NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX referral_patient_idx ON ${S}.referral (org_id, patient_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['referral', 'special_date', 'patient_tag', 'clinical_fact', 'patient_merge']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${S}.${table}`);
    }
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.patient_source_record`);
  }
}
