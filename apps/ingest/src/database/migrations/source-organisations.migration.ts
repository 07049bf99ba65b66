import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { INGEST_SCHEMA } from '../ingest-schema';

const S = `"${INGEST_SCHEMA}"`;

/**
 * The organisation (tenant) each sending system belongs to: one ingest serves a hospital group's hospital,
 * pharmacies and clinics, and each fact must reach downstream services under its own organisation. NULL keeps
 * the service's ORG_ID, as before this column existed.
 */
export class SourceOrganisations1795900000000 implements MigrationInterface {
  readonly name = 'SourceOrganisations1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE ${S}.feed_source ADD COLUMN org_id text NULL CHECK (org_id ~ '^[^\\s]{1,64}$')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${S}.feed_source DROP COLUMN org_id`);
  }
}
