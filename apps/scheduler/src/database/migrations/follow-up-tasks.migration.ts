import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';

const S = `"${SCHEDULER_SCHEMA}"`;

/**
 * The events each patient's tasks are derived from (keyed by event id so a replay inserts nothing) and the
 * stored task set. Task ids are the engine's deterministic ids, so re-derivation finds its own rows.
 */
export class FollowUpTasks1795500000000 implements MigrationInterface {
  readonly name = 'SchedulerFollowUpTasks1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.patient_history (
        event_id uuid PRIMARY KEY,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        event_type text NOT NULL,
        envelope jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX patient_history_patient_idx ON ${S}.patient_history (org_id, patient_id)`);
    await queryRunner.query(`
      CREATE TABLE ${S}.follow_up_task (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        plan_id text NOT NULL,
        plan_version integer NOT NULL,
        step_id text NOT NULL,
        trigger_event_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        due_at_local text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'due', 'cancelled', 'completed')),
        purpose text NOT NULL,
        reason text NOT NULL,
        cancel_reason text NULL,
        assignee_staff_id text NULL,
        assignee_queue text NOT NULL,
        priority text NOT NULL,
        channel_ladder jsonb NOT NULL,
        derived jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX follow_up_task_status_due_idx ON ${S}.follow_up_task (status, due_at)`);
    await queryRunner.query(
      `CREATE INDEX follow_up_task_patient_idx ON ${S}.follow_up_task (org_id, patient_id, due_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.follow_up_task`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.patient_history`);
  }
}
