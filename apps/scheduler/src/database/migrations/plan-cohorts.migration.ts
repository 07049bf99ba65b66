import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';

const S = `"${SCHEDULER_SCHEMA}"`;

/** Control-group draws: one row per organisation, plan and patient, written once (announced once). */
export class PlanCohorts1796000000000 implements MigrationInterface {
  readonly name = 'SchedulerPlanCohorts1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.plan_cohort (
        org_id text NOT NULL,
        plan_id text NOT NULL,
        patient_id text NOT NULL,
        arm text NOT NULL CHECK (arm IN ('followed-up', 'control')),
        plan_version integer NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, plan_id, patient_id)
      )`);
    await queryRunner.query(`CREATE INDEX plan_cohort_patient_idx ON ${S}.plan_cohort (org_id, patient_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.plan_cohort`);
  }
}
