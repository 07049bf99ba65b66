import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';

const S = `"${SCHEDULER_SCHEMA}"`;

/** Every version of every organisation's plans as submitted (YAML kept verbatim), and which one is in force. */
export class PlanVersions1795800000000 implements MigrationInterface {
  readonly name = 'SchedulerPlanVersions1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.plan_version (
        org_id text NOT NULL,
        plan_id text NOT NULL,
        version integer NOT NULL,
        source_yaml text NOT NULL,
        document jsonb NOT NULL,
        active boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz NULL,
        PRIMARY KEY (org_id, plan_id, version)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX plan_version_one_active_idx ON ${S}.plan_version (org_id, plan_id) WHERE active`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.plan_version`);
  }
}
