import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';

const S = `"${SCHEDULER_SCHEMA}"`;

/**
 * EMPI merges as the scheduler saw them: a retired enterprise id points at its survivor while the merge
 * stands, so late events under the retired id land on the surviving patient; an unmerge ends the link.
 */
export class PatientMerges1795600000000 implements MigrationInterface {
  readonly name = 'SchedulerPatientMerges1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.patient_merge (
        org_id text NOT NULL,
        retired_id text NOT NULL,
        surviving_id text NOT NULL,
        merged_event_id uuid NOT NULL,
        merged_at timestamptz NOT NULL,
        unmerged_at timestamptz NULL,
        PRIMARY KEY (org_id, retired_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX patient_merge_survivor_idx ON ${S}.patient_merge (org_id, surviving_id) WHERE unmerged_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.patient_merge`);
  }
}
