import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { ANALYTICS_SCHEMA } from '../analytics-schema';

const S = `"${ANALYTICS_SCHEMA}"`;

/**
 * The weekly summary: one job row per organisation and week (claimed with FOR UPDATE SKIP LOCKED, so any
 * number of replicas produce each summary once) and the stored report. `task.created_on` gives "tasks
 * created in the week".
 */
export class AnalyticsWeeklySummary1795600000001 implements MigrationInterface {
  readonly name = 'AnalyticsWeeklySummary1795600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${S}.task ADD COLUMN created_on date NULL`);
    await q.query(`CREATE INDEX task_org_created_idx ON ${S}.task (org_id, created_on)`);
    await q.query(`CREATE INDEX task_org_cancelled_idx ON ${S}.task (org_id, cancelled_at)`);
    await q.query(`CREATE INDEX complaint_org_resolved_idx ON ${S}.complaint (org_id, resolved_at)`);
    await q.query(`
      CREATE TABLE ${S}.weekly_summary_job (
        org_id text NOT NULL,
        week_start date NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'done')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, week_start)
      )`);
    await q.query(
      `CREATE INDEX weekly_summary_job_pending_idx ON ${S}.weekly_summary_job (week_start) WHERE status = 'pending'`,
    );
    await q.query(`
      CREATE TABLE ${S}.weekly_summary (
        org_id text NOT NULL,
        week_start date NOT NULL,
        time_zone text NOT NULL,
        payload jsonb NOT NULL,
        event_id uuid NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, week_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${S}.weekly_summary`);
    await q.query(`DROP TABLE IF EXISTS ${S}.weekly_summary_job`);
    await q.query(`ALTER TABLE ${S}.task DROP COLUMN IF EXISTS created_on`);
  }
}
