import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { INGEST_SCHEMA } from '../ingest-schema';

const S = `"${INGEST_SCHEMA}"`;

/**
 * Every feed message as received (bytes, before any decoding) and the quarantine of rejected ones. A sender's
 * control id is unique only among accepted messages: a rejected message may be corrected and resent under
 * the same id, while a resend of an accepted one is a duplicate answered with the original ACK.
 */
export class RawMessages1795600000000 implements MigrationInterface {
  readonly name = 'IngestRawMessages1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.raw_message (
        id uuid PRIMARY KEY,
        source_system text NULL,
        channel text NOT NULL CHECK (channel IN ('mllp', 'http')),
        sender text NULL,
        control_id text NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        bytes bytea NOT NULL,
        charset text NULL,
        message_type text NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'rejected', 'duplicate')),
        rejection_code text NULL,
        ack_code text NOT NULL CHECK (ack_code IN ('AA', 'AE', 'AR')),
        ack text NOT NULL,
        duplicate_of uuid NULL REFERENCES ${S}.raw_message (id),
        normalised_events jsonb NULL,
        CHECK ((status = 'rejected') = (rejection_code IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX raw_message_accepted_control_id_uq ON ${S}.raw_message (sender, control_id)
         WHERE status = 'accepted' AND sender IS NOT NULL AND control_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX raw_message_received_idx ON ${S}.raw_message (received_at)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.quarantine (
        id uuid PRIMARY KEY,
        raw_message_id uuid NOT NULL UNIQUE REFERENCES ${S}.raw_message (id),
        code text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz NULL,
        replayed_by text NULL,
        replay_raw_message_id uuid NULL REFERENCES ${S}.raw_message (id)
      )`);
    await queryRunner.query(
      `CREATE INDEX quarantine_open_idx ON ${S}.quarantine (code, created_at) WHERE replayed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.quarantine`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.raw_message`);
  }
}
