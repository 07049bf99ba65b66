import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * The tasks outreach works, fed by the scheduler's task events. `next_attempt_at` is the durable timer of the
 * next try (picked with SKIP LOCKED by the automated channels, shown in the worklist for agents); the lease
 * columns keep two agents off one task.
 */
export class OutreachTasks1795700000000 implements MigrationInterface {
  readonly name = 'OutreachTasks1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.task (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'open', 'completed', 'cancelled')),
        purpose text NOT NULL,
        script_ref text NULL,
        plan jsonb NULL,
        due_at timestamptz NOT NULL,
        call_slot text NULL,
        channel_ladder text[] NOT NULL,
        ladder_step integer NOT NULL DEFAULT 0,
        current_channel text NOT NULL,
        assignee_staff_id text NULL,
        priority text NOT NULL,
        priority_rank smallint NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        consecutive_misses integer NOT NULL DEFAULT 0,
        unreachable_streak integer NOT NULL DEFAULT 0,
        notices_sent integer NOT NULL DEFAULT 0,
        line_index integer NOT NULL DEFAULT 0,
        lease_owner text NULL,
        lease_expires_at timestamptz NULL,
        outcome text NULL,
        cancel_reason text NULL,
        closed_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The worklist query: open tasks of the agent's orgs on the agent channel, most urgent first.
    await queryRunner.query(
      `CREATE INDEX task_worklist_idx ON ${S}.task (current_channel, org_id, priority_rank DESC, next_attempt_at)
        WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX task_timer_idx ON ${S}.task (next_attempt_at) WHERE status = 'open' AND current_channel <> 'phone-agent'`,
    );
    await queryRunner.query(`CREATE INDEX task_patient_idx ON ${S}.task (org_id, patient_id, due_at)`);
    // Task events travel on separate topics: a cancellation can overtake the creation it cancels.
    await queryRunner.query(`
      CREATE TABLE ${S}.task_cancellation (
        task_id uuid PRIMARY KEY,
        reason text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.task_cancellation`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.task`);
  }
}
