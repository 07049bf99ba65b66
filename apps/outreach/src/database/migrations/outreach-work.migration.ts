import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * Attempts, SMS notices waiting to be sent (a durable timer), contact preferences, the patient read model
 * fed by EMPI events, and survey answers and handovers recorded at completion.
 */
export class OutreachWork1795700000200 implements MigrationInterface {
  readonly name = 'OutreachWork1795700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${S}.task ADD COLUMN reschedule_reason text NULL`);
    await queryRunner.query(`
      CREATE TABLE ${S}.attempt (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES ${S}.task (id),
        org_id text NOT NULL,
        patient_id text NOT NULL,
        attempt_no integer NOT NULL,
        channel text NOT NULL,
        disposition text NOT NULL,
        agent_staff_id text NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NULL,
        talk_seconds integer NOT NULL DEFAULT 0,
        recording_ref text NULL,
        notes text NULL,
        UNIQUE (task_id, attempt_no)
      )`);
    await queryRunner.query(`CREATE INDEX attempt_patient_idx ON ${S}.attempt (org_id, patient_id, started_at)`);
    await queryRunner.query(`CREATE INDEX attempt_agent_idx ON ${S}.attempt (agent_staff_id, started_at)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.sms_notice (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES ${S}.task (id),
        due_at timestamptz NOT NULL,
        next_call_at timestamptz NOT NULL,
        sent_at timestamptz NULL,
        result text NULL,
        tries integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX sms_notice_due_idx ON ${S}.sms_notice (due_at) WHERE sent_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE ${S}.contact_preference (
        org_id text NOT NULL,
        patient_id text NOT NULL,
        preferences jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, patient_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.patient (
        org_id text NOT NULL,
        patient_id text NOT NULL,
        demographics jsonb NOT NULL,
        merged_into text NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, patient_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.survey_answer (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES ${S}.task (id),
        org_id text NOT NULL,
        patient_id text NOT NULL,
        response jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.doctor_handover (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES ${S}.task (id),
        org_id text NOT NULL,
        patient_id text NOT NULL,
        reason text NOT NULL CHECK (reason IN ('discomfort', 'complaint')),
        doctor_staff_id text NULL,
        note text NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'doctor_handover',
      'survey_answer',
      'patient',
      'contact_preference',
      'sms_notice',
      'attempt',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${S}.${table}`);
    }
  }
}
