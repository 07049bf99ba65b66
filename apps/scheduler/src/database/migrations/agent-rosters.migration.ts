import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';

const S = `"${SCHEDULER_SCHEMA}"`;

/**
 * Each organisation's roster, every version kept with who changed it (the latest one is in force), and how
 * many tasks each agent already holds per call slot, so replicas assigning the same slot share one count.
 */
export class AgentRosters1795900000000 implements MigrationInterface {
  readonly name = 'SchedulerAgentRosters1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.roster_version (
        org_id text NOT NULL,
        version integer NOT NULL,
        document jsonb NOT NULL,
        changed_by text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${S}.agent_slot_load (
        org_id text NOT NULL,
        slot_at timestamptz NOT NULL,
        staff_id text NOT NULL,
        assigned integer NOT NULL,
        PRIMARY KEY (org_id, slot_at, staff_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.agent_slot_load`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.roster_version`);
  }
}
