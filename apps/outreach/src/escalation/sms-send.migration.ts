import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/**
 * The ledger of automated SMS sends: a row is committed before the provider is called, so a send whose
 * outcome was lost (the service died mid-call) is found again and reconciled with the provider, not repeated.
 */
export class OutreachSmsSend1795900000361 implements MigrationInterface {
  readonly name = 'OutreachSmsSend1795900000361';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${S}.sms_send (
        send_key text PRIMARY KEY,
        reference uuid NOT NULL UNIQUE,
        provider text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'unconfirmed', 'failed')),
        provider_message_id text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${S}.sms_send`);
  }
}
