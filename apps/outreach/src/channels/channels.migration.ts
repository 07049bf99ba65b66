import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables of the channels: questionnaire responses (one per link, which makes links single-use) and the
 * outcomes providers report (WeChat pushes, CTI call events, robot results), stored before they are
 * acknowledged and unique per provider message so a provider's retry is recorded once.
 */
export class OutreachChannels1795800000000 implements MigrationInterface {
  readonly name = 'OutreachChannels1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outreach.questionnaire_response (
        link_id uuid PRIMARY KEY,
        response_id uuid NOT NULL UNIQUE,
        org_id text NOT NULL,
        task_id uuid NOT NULL,
        questionnaire_id text NOT NULL,
        questionnaire_version integer NOT NULL,
        responded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX questionnaire_response_task_idx ON outreach.questionnaire_response (task_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE outreach.channel_outcome (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        channel text NOT NULL,
        provider text NOT NULL,
        provider_message_id text NOT NULL,
        disposition text NOT NULL,
        provider_status text NOT NULL,
        occurred_at timestamptz NOT NULL,
        talk_seconds integer NOT NULL,
        ring_seconds numeric NULL,
        recording_ref text NULL,
        reference text NULL,
        answers jsonb NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (provider, provider_message_id)
      )`);
    await queryRunner.query(`CREATE INDEX channel_outcome_reference_idx ON outreach.channel_outcome (reference)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS outreach.channel_outcome`);
    await queryRunner.query(`DROP TABLE IF EXISTS outreach.questionnaire_response`);
  }
}
