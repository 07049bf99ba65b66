import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * Robot calls placed for tasks on their `phone-robot` rung. A call is committed as pending before its batch
 * goes to the provider, so a submission whose answer was lost (the service died mid-call) is looked up by the
 * batch reference after a restart, not placed twice. At most one call per task is outstanding.
 */
export class OutreachRobotCall1795900000370 implements MigrationInterface {
  readonly name = 'OutreachRobotCall1795900000370';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.robot_call (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL,
        batch_ref text NOT NULL,
        script_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'submitted', 'done', 'failed', 'expired')),
        provider_call_id text NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz NULL,
        finished_at timestamptz NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX robot_call_outstanding_idx ON ${S}.robot_call (task_id)
        WHERE status IN ('pending', 'submitted')`,
    );
    await queryRunner.query(
      `CREATE INDEX robot_call_pending_idx ON ${S}.robot_call (created_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.robot_call`);
  }
}
