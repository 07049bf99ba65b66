import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';

const S = `"${SCHEDULER_SCHEMA}"`;

/**
 * Catch-up policy: each task knows until when it may still go out (`send_until` = due + the plan's grace);
 * a dispatcher catching up after a restart or outage marks later ones `missed` instead of sending them.
 */
export class TaskCatchUp1795700000000 implements MigrationInterface {
  readonly name = 'SchedulerTaskCatchUp1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${S}.follow_up_task ADD COLUMN send_until timestamptz NULL`);
    await queryRunner.query(`ALTER TABLE ${S}.follow_up_task DROP CONSTRAINT IF EXISTS follow_up_task_status_check`);
    await queryRunner.query(
      `ALTER TABLE ${S}.follow_up_task ADD CONSTRAINT follow_up_task_status_check
         CHECK (status IN ('pending', 'due', 'cancelled', 'completed', 'missed'))`,
    );
    await queryRunner.query(
      `CREATE INDEX follow_up_task_pending_send_until_idx ON ${S}.follow_up_task (send_until) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ${S}.follow_up_task_pending_send_until_idx`);
    await queryRunner.query(`ALTER TABLE ${S}.follow_up_task DROP CONSTRAINT IF EXISTS follow_up_task_status_check`);
    await queryRunner.query(
      `ALTER TABLE ${S}.follow_up_task ADD CONSTRAINT follow_up_task_status_check
         CHECK (status IN ('pending', 'due', 'cancelled', 'completed'))`,
    );
    await queryRunner.query(`ALTER TABLE ${S}.follow_up_task DROP COLUMN IF EXISTS send_until`);
  }
}
