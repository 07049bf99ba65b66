import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { INGEST_SCHEMA } from '../ingest-schema';

const S = `"${INGEST_SCHEMA}"`;

/**
 * Authenticated feed sources and the formats beyond HL7 v2.
 *
 * - `feed_source`: one row per sending system (a HIS, a pharmacy ERP, a FHIR client), with its API key
 *   (scrypt hash only, looked up by a public key id), client certificate fingerprints for mTLS, the peer
 *   addresses allowed on plain MLLP, and the identifier systems (assigning authorities) it may write.
 * - `raw_message` also keeps FHIR documents and ERP CSV rows (`format`), so every feed shares one store,
 *   one dedupe index, one quarantine and one EMPI stage; `source_id` records who sent it.
 * - Quarantine replays record why, next to who and when.
 */
export class FeedSources1795800000000 implements MigrationInterface {
  readonly name = 'IngestFeedSources1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.feed_source (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        display_name text NOT NULL,
        identifier_systems text[] NOT NULL DEFAULT '{}',
        api_key_id text NULL UNIQUE,
        api_key_hash text NULL,
        api_key_rotated_at timestamptz NULL,
        cert_fingerprints text[] NOT NULL DEFAULT '{}',
        mllp_peer_addresses text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz NULL,
        CHECK ((api_key_id IS NULL) = (api_key_hash IS NULL))
      )`);
    await queryRunner.query(
      `ALTER TABLE ${S}.raw_message ADD COLUMN format text NOT NULL DEFAULT 'hl7v2'
         CHECK (format IN ('hl7v2', 'fhir-r4', 'erp-csv'))`,
    );
    await queryRunner.query(`ALTER TABLE ${S}.raw_message ADD COLUMN source_id text NULL`);
    await queryRunner.query(`ALTER TABLE ${S}.quarantine ADD COLUMN replay_reason text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${S}.quarantine DROP COLUMN IF EXISTS replay_reason`);
    await queryRunner.query(`ALTER TABLE ${S}.raw_message DROP COLUMN IF EXISTS source_id`);
    await queryRunner.query(`ALTER TABLE ${S}.raw_message DROP COLUMN IF EXISTS format`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.feed_source`);
  }
}
