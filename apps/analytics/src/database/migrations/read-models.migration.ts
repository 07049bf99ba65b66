import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { ANALYTICS_SCHEMA } from '../analytics-schema';

const S = `"${ANALYTICS_SCHEMA}"`;

/**
 * Read models the dashboard metrics are computed from. Every row is keyed by the natural id of the fact
 * (dispense, appointment, task, attempt, ...), never by event id, so a fact announced twice under two event
 * ids is still stored once. Dimension columns (site, department, doctor, channel, class) are copied onto each
 * row so a dashboard query never joins across facts. `local_date` is the fact's calendar day in the
 * organisation's zone (Asia/Shanghai by default).
 */
export class AnalyticsReadModels1795600000000 implements MigrationInterface {
  readonly name = 'AnalyticsReadModels1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ${S}.patient (
        org_id text NOT NULL,
        patient_id text NOT NULL,
        birth_date date NULL,
        sex text NULL,
        registered_at timestamptz NULL,
        left_care_on date NULL,
        left_care_reason text NULL,
        PRIMARY KEY (org_id, patient_id)
      )`);
    await q.query(`
      CREATE TABLE ${S}.patient_alias (
        org_id text NOT NULL,
        retired_id text NOT NULL,
        surviving_id text NOT NULL,
        merged_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, retired_id)
      )`);
    await q.query(`
      CREATE TABLE ${S}.visit (
        org_id text NOT NULL,
        visit_key text NOT NULL,
        event_id uuid NOT NULL,
        patient_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('encounter', 'appointment', 'procedure', 'dispense')),
        site_id text NOT NULL,
        department_code text NULL,
        doctor_id text NULL,
        disease_code text NULL,
        occurred_at timestamptz NOT NULL,
        local_date date NOT NULL,
        charge_minor bigint NOT NULL DEFAULT 0,
        source_system text NULL,
        source_local_id text NULL,
        PRIMARY KEY (org_id, visit_key)
      )`);
    await q.query(`CREATE INDEX visit_org_date_idx ON ${S}.visit (org_id, local_date) INCLUDE (patient_id)`);
    await q.query(`CREATE INDEX visit_org_patient_idx ON ${S}.visit (org_id, patient_id, local_date)`);
    await q.query(`CREATE INDEX visit_event_idx ON ${S}.visit (event_id)`);
    await q.query(`
      CREATE TABLE ${S}.dispense (
        org_id text NOT NULL,
        dispense_key text NOT NULL,
        event_id uuid NOT NULL,
        patient_id text NOT NULL,
        site_id text NOT NULL,
        department_code text NULL,
        doctor_id text NULL,
        class_codes text[] NOT NULL,
        local_date date NOT NULL,
        payload jsonb NOT NULL,
        PRIMARY KEY (org_id, dispense_key)
      )`);
    await q.query(`CREATE INDEX dispense_org_date_idx ON ${S}.dispense (org_id, local_date)`);
    await q.query(`CREATE INDEX dispense_org_patient_idx ON ${S}.dispense (org_id, patient_id)`);
    await q.query(`
      CREATE TABLE ${S}.dispense_reversal (
        org_id text NOT NULL,
        reversal_key text NOT NULL,
        dispense_key text NOT NULL,
        patient_id text NOT NULL,
        payload jsonb NOT NULL,
        PRIMARY KEY (org_id, reversal_key)
      )`);
    await q.query(`CREATE INDEX dispense_reversal_dispense_idx ON ${S}.dispense_reversal (org_id, dispense_key)`);
    await q.query(`
      CREATE TABLE ${S}.appointment (
        org_id text NOT NULL,
        appointment_key text NOT NULL,
        patient_id text NOT NULL,
        site_id text NOT NULL,
        department_code text NOT NULL,
        doctor_id text NULL,
        start_at timestamptz NOT NULL,
        local_date date NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('booked', 'cancelled', 'no-show', 'attended')),
        booking_channel text NULL,
        PRIMARY KEY (org_id, appointment_key)
      )`);
    await q.query(`CREATE INDEX appointment_org_date_idx ON ${S}.appointment (org_id, local_date)`);
    await q.query(`CREATE INDEX appointment_org_patient_idx ON ${S}.appointment (org_id, patient_id, start_at)`);
    await q.query(`
      CREATE TABLE ${S}.task (
        org_id text NOT NULL,
        task_id uuid NOT NULL,
        patient_id text NOT NULL,
        plan_id text NULL,
        purpose text NULL,
        trigger_event_id uuid NULL,
        site_id text NULL,
        department_code text NULL,
        doctor_id text NULL,
        assignee_id text NULL,
        due_at timestamptz NULL,
        due_date date NULL,
        status text NOT NULL CHECK (status IN ('open', 'due', 'completed', 'cancelled')),
        outcome text NULL,
        channel text NULL,
        attempts integer NULL,
        needs_doctor_callback boolean NULL,
        return_visit_booked boolean NULL,
        completed_by text NULL,
        completed_at timestamptz NULL,
        cancelled_at timestamptz NULL,
        cancel_reason text NULL,
        PRIMARY KEY (org_id, task_id)
      )`);
    await q.query(`CREATE INDEX task_org_due_idx ON ${S}.task (org_id, due_date)`);
    await q.query(`CREATE INDEX task_org_completed_idx ON ${S}.task (org_id, completed_at)`);
    await q.query(`CREATE INDEX task_trigger_idx ON ${S}.task (trigger_event_id)`);
    await q.query(`CREATE INDEX task_org_patient_idx ON ${S}.task (org_id, patient_id)`);
    await q.query(`
      CREATE TABLE ${S}.attempt (
        org_id text NOT NULL,
        attempt_id uuid NOT NULL,
        task_id uuid NOT NULL,
        patient_id text NOT NULL,
        channel text NOT NULL,
        disposition text NOT NULL,
        reached boolean NOT NULL,
        agent_id text NULL,
        started_at timestamptz NOT NULL,
        local_date date NOT NULL,
        talk_seconds integer NOT NULL,
        recorded boolean NOT NULL,
        PRIMARY KEY (org_id, attempt_id)
      )`);
    await q.query(
      `CREATE INDEX attempt_org_date_idx ON ${S}.attempt (org_id, local_date) INCLUDE (channel, reached, agent_id, talk_seconds)`,
    );
    await q.query(`CREATE INDEX attempt_org_task_idx ON ${S}.attempt (org_id, task_id)`);
    await q.query(`CREATE INDEX attempt_org_patient_idx ON ${S}.attempt (org_id, patient_id, started_at)`);
    await q.query(`
      CREATE TABLE ${S}.survey_response (
        org_id text NOT NULL,
        response_id uuid NOT NULL,
        task_id uuid NULL,
        patient_id text NOT NULL,
        survey_id text NOT NULL,
        channel text NOT NULL,
        department_code text NULL,
        doctor_id text NULL,
        csat smallint NULL,
        nps smallint NULL,
        free_text text NULL,
        responded_at timestamptz NOT NULL,
        local_date date NOT NULL,
        PRIMARY KEY (org_id, response_id)
      )`);
    await q.query(
      `CREATE INDEX survey_org_date_idx ON ${S}.survey_response (org_id, local_date) INCLUDE (csat, nps, channel, department_code)`,
    );
    await q.query(`
      CREATE TABLE ${S}.complaint (
        org_id text NOT NULL,
        complaint_id uuid NOT NULL,
        patient_id text NOT NULL,
        kind text NULL,
        category_code text NULL,
        severity text NULL,
        source text NULL,
        department_code text NULL,
        doctor_id text NULL,
        opened_at timestamptz NULL,
        local_date date NULL,
        sla_due_at timestamptz NULL,
        resolved_at timestamptz NULL,
        resolution text NULL,
        escalated boolean NULL,
        PRIMARY KEY (org_id, complaint_id)
      )`);
    await q.query(`CREATE INDEX complaint_org_date_idx ON ${S}.complaint (org_id, local_date)`);
    await q.query(`
      CREATE TABLE ${S}.cohort (
        org_id text NOT NULL,
        patient_id text NOT NULL,
        plan_id text NOT NULL,
        arm text NOT NULL CHECK (arm IN ('followed-up', 'control')),
        assigned_at timestamptz NOT NULL,
        local_date date NOT NULL,
        PRIMARY KEY (org_id, plan_id, patient_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'cohort',
      'complaint',
      'survey_response',
      'attempt',
      'task',
      'appointment',
      'dispense_reversal',
      'dispense',
      'visit',
      'patient_alias',
      'patient',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${S}.${table}`);
    }
  }
}
