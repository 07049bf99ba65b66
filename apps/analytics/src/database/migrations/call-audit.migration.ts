import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { ANALYTICS_SCHEMA } from '../analytics-schema';

const S = `"${ANALYTICS_SCHEMA}"`;

/** Scored call-audit samples (`revisit.outreach.call-audited.v1`), one row per audited call. */
export class AnalyticsCallAudit1795600000002 implements MigrationInterface {
  readonly name = 'AnalyticsCallAudit1795600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ${S}.call_audit (
        org_id text NOT NULL,
        attempt_id uuid NOT NULL,
        patient_id text NOT NULL,
        agent_id text NOT NULL,
        scored_by text NOT NULL,
        total_score integer NOT NULL CHECK (total_score BETWEEN 0 AND 100),
        call_started_at timestamptz NOT NULL,
        local_date date NOT NULL,
        scored_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, attempt_id)
      )`);
    await q.query(`CREATE INDEX call_audit_org_date_idx ON ${S}.call_audit (org_id, local_date) INCLUDE (agent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${S}.call_audit`);
  }
}
