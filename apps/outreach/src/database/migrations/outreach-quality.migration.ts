import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * Service quality: feedback cases (complaints and the rest) with their routing table and append-only
 * history, call-audit sampling rates and the draws taken when a recorded call is logged, and who closed a
 * task (per-agent workload counts completions by it).
 */
export class OutreachQuality1795900000500 implements MigrationInterface {
  readonly name = 'OutreachQuality1795900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${S}.task ADD COLUMN completed_by_staff_id text NULL`);
    await queryRunner.query(
      `CREATE INDEX task_completed_by_idx ON ${S}.task (org_id, completed_by_staff_id, closed_at)
        WHERE completed_by_staff_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE ${S}.complaint_routing (
        org_id text PRIMARY KEY,
        routing jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.complaint (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        patient_id text NOT NULL,
        task_id uuid NULL REFERENCES ${S}.task (id),
        kind text NOT NULL CHECK (kind IN ('criticism', 'complaint', 'need', 'praise', 'suggestion')),
        source text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        category_code text NULL,
        text text NOT NULL,
        department_code text NOT NULL,
        assignee_staff_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'escalated', 'resolved')),
        escalated boolean NOT NULL DEFAULT false,
        opened_by_staff_id text NOT NULL,
        opened_at timestamptz NOT NULL,
        sla_due_at timestamptz NOT NULL,
        escalated_at timestamptz NULL,
        resolution text NULL,
        resolution_text text NULL,
        resolved_by_staff_id text NULL,
        resolved_at timestamptz NULL
      )`);
    await queryRunner.query(`CREATE INDEX complaint_queue_idx ON ${S}.complaint (org_id, status, sla_due_at)`);
    // The SLA timer: cases still with their first department, oldest deadline first.
    await queryRunner.query(`CREATE INDEX complaint_sla_idx ON ${S}.complaint (sla_due_at) WHERE status = 'open'`);
    await queryRunner.query(`
      CREATE TABLE ${S}.complaint_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES ${S}.complaint (id),
        org_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL CHECK (action IN ('opened', 'assigned', 'escalated', 'resolved')),
        detail jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX complaint_history_idx ON ${S}.complaint_history (complaint_id, at)`);
    // Same guard as the audit log: a case's history is evidence, never rewritten.
    await queryRunner.query(
      `CREATE TRIGGER complaint_history_no_change BEFORE UPDATE OR DELETE ON ${S}.complaint_history
        FOR EACH ROW EXECUTE FUNCTION ${S}.audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER complaint_history_no_truncate BEFORE TRUNCATE ON ${S}.complaint_history
        FOR EACH STATEMENT EXECUTE FUNCTION ${S}.audit_log_append_only()`,
    );
    await queryRunner.query(`
      CREATE TABLE ${S}.call_audit_rate (
        org_id text NOT NULL,
        agent_staff_id text NOT NULL,
        rate numeric(5, 4) NOT NULL CHECK (rate >= 0 AND rate <= 1),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, agent_staff_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.call_audit (
        attempt_id uuid PRIMARY KEY REFERENCES ${S}.attempt (id),
        org_id text NOT NULL,
        task_id uuid NOT NULL,
        patient_id text NOT NULL,
        agent_staff_id text NOT NULL,
        recording_ref text NOT NULL,
        rate numeric(5, 4) NOT NULL,
        draw integer NOT NULL,
        sampled boolean NOT NULL,
        drawn_at timestamptz NOT NULL DEFAULT now(),
        criteria jsonb NULL,
        total smallint NULL CHECK (total BETWEEN 0 AND 100),
        comment text NULL,
        scored_by text NULL,
        scored_at timestamptz NULL
      )`);
    await queryRunner.query(`CREATE INDEX call_audit_queue_idx ON ${S}.call_audit (org_id, drawn_at) WHERE sampled`);
    await queryRunner.query(
      `CREATE INDEX call_audit_agent_idx ON ${S}.call_audit (org_id, agent_staff_id, scored_at) WHERE total IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['call_audit', 'call_audit_rate', 'complaint_history', 'complaint', 'complaint_routing']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${S}.${table}`);
    }
    await queryRunner.query(`DROP INDEX IF EXISTS ${S}.task_completed_by_idx`);
    await queryRunner.query(`ALTER TABLE ${S}.task DROP COLUMN IF EXISTS completed_by_staff_id`);
  }
}
