import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { INGEST_SCHEMA } from '../../database/ingest-schema';

const S = `"${INGEST_SCHEMA}"`;

/**
 * The EMPI registry. A source record (system + local id) always belongs to exactly one enterprise patient;
 * `patient_link` keeps every decision about a (source record, enterprise patient) pair, so a manual decision
 * can be honoured by later automatic matching. The audit log is append-only: a trigger refuses updates and
 * deletes, so the who/when/why of every change cannot be rewritten by the service itself.
 */
export class EmpiRegistry1795700000000 implements MigrationInterface {
  readonly name = 'IngestEmpiRegistry1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE ${S}.enterprise_patient_seq`);
    await queryRunner.query(`
      CREATE TABLE ${S}.enterprise_patient (
        id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('active', 'merged')),
        merged_into text NULL REFERENCES ${S}.enterprise_patient (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'merged') = (merged_into IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.source_record (
        id uuid PRIMARY KEY,
        source_system text NOT NULL,
        local_id text NOT NULL,
        enterprise_id text NOT NULL REFERENCES ${S}.enterprise_patient (id),
        snapshot jsonb NOT NULL,
        person jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_system, local_id)
      )`);
    await queryRunner.query(`CREATE INDEX source_record_enterprise_idx ON ${S}.source_record (enterprise_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.source_identifier (
        source_record_id uuid NOT NULL REFERENCES ${S}.source_record (id),
        system text NOT NULL,
        value text NOT NULL,
        type text NOT NULL,
        PRIMARY KEY (system, value, source_record_id)
      )`);
    await queryRunner.query(`CREATE INDEX source_identifier_record_idx ON ${S}.source_identifier (source_record_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.blocking_key (
        key text NOT NULL,
        source_record_id uuid NOT NULL REFERENCES ${S}.source_record (id),
        PRIMARY KEY (key, source_record_id)
      )`);
    await queryRunner.query(`CREATE INDEX blocking_key_record_idx ON ${S}.blocking_key (source_record_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.patient_link (
        id uuid PRIMARY KEY,
        source_record_id uuid NOT NULL REFERENCES ${S}.source_record (id),
        enterprise_id text NOT NULL REFERENCES ${S}.enterprise_patient (id),
        state text NOT NULL CHECK (state IN ('MATCH', 'POSSIBLE_MATCH', 'NO_MATCH')),
        method text NOT NULL CHECK (method IN ('AUTO', 'MANUAL')),
        score double precision NULL,
        reason text NULL,
        decided_by text NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_record_id, enterprise_id),
        CHECK (method = 'AUTO' OR decided_by IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX patient_link_one_match_uq ON ${S}.patient_link (source_record_id) WHERE state = 'MATCH'`,
    );
    await queryRunner.query(`CREATE INDEX patient_link_enterprise_idx ON ${S}.patient_link (enterprise_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.review_item (
        id uuid PRIMARY KEY,
        source_record_id uuid NOT NULL REFERENCES ${S}.source_record (id),
        candidate_enterprise_id text NOT NULL REFERENCES ${S}.enterprise_patient (id),
        score double precision NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'linked', 'not-linked', 'obsolete')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by text NULL,
        decided_at timestamptz NULL,
        reason text NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX review_item_open_uq ON ${S}.review_item (source_record_id, candidate_enterprise_id)
         WHERE status = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX review_item_status_idx ON ${S}.review_item (status, created_at)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.merge_record (
        id uuid PRIMARY KEY,
        surviving_enterprise_id text NOT NULL REFERENCES ${S}.enterprise_patient (id),
        retired_enterprise_id text NOT NULL REFERENCES ${S}.enterprise_patient (id),
        moved_source_record_ids uuid[] NOT NULL,
        method text NOT NULL CHECK (method IN ('AUTO', 'MANUAL')),
        merged_by text NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        reason text NULL,
        unmerged_by text NULL,
        unmerged_at timestamptz NULL,
        unmerge_reason text NULL,
        CHECK (surviving_enterprise_id <> retired_enterprise_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.empi_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        enterprise_id text NULL,
        source_record_id uuid NULL,
        reason text NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX empi_audit_enterprise_idx ON ${S}.empi_audit (enterprise_id, at)`);
    await queryRunner.query(`
      CREATE FUNCTION ${S}.empi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'empi_audit is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER empi_audit_append_only BEFORE UPDATE OR DELETE ON ${S}.empi_audit
        FOR EACH ROW EXECUTE FUNCTION ${S}.empi_audit_append_only()`);
    // The feed stage's progress over stored messages: NULL = not yet through the EMPI.
    await queryRunner.query(`ALTER TABLE ${S}.raw_message ADD COLUMN empi_processed_at timestamptz NULL`);
    await queryRunner.query(`ALTER TABLE ${S}.raw_message ADD COLUMN empi_outcome jsonb NULL`);
    await queryRunner.query(
      `CREATE INDEX raw_message_empi_pending_idx ON ${S}.raw_message (id)
         WHERE status = 'accepted' AND empi_processed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ${S}.raw_message_empi_pending_idx`);
    await queryRunner.query(`ALTER TABLE ${S}.raw_message DROP COLUMN IF EXISTS empi_outcome`);
    await queryRunner.query(`ALTER TABLE ${S}.raw_message DROP COLUMN IF EXISTS empi_processed_at`);
    for (const table of [
      'empi_audit',
      'merge_record',
      'review_item',
      'patient_link',
      'blocking_key',
      'source_identifier',
      'source_record',
      'enterprise_patient',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${S}.${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS ${S}.empi_audit_append_only()`);
    await queryRunner.query(`DROP SEQUENCE IF EXISTS ${S}.enterprise_patient_seq`);
  }
}
