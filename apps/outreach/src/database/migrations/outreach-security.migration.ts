import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * Users of the built-in issuer (argon2id hashes), its signing key, and the audit log of every view of patient
 * data. The audit log refuses UPDATE, DELETE and TRUNCATE at the database, not only in code.
 */
export class OutreachSecurity1795700000100 implements MigrationInterface {
  readonly name = 'OutreachSecurity1795700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.auth_user (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NULL,
        staff_id text NULL,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['agent', 'supervisor', 'admin', 'auditor']::text[]),
        org_ids text[] NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.auth_signing_key (
        kid text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_subject text NOT NULL,
        actor_issuer text NOT NULL,
        actor_staff_id text NULL,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        task_id uuid NULL,
        action text NOT NULL,
        unmasked boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_patient_idx ON ${S}.audit_log (org_id, patient_id, at)`);
    await queryRunner.query(`
      CREATE FUNCTION ${S}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON ${S}.audit_log
        FOR EACH ROW EXECUTE FUNCTION ${S}.audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${S}.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION ${S}.audit_log_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.audit_log`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ${S}.audit_log_append_only()`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.auth_signing_key`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.auth_user`);
  }
}
