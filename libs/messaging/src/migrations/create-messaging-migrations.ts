import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { messagingTables } from '../core/sql-identifiers';

// TypeORM orders migrations by the trailing timestamp of their name; this one is fixed forever.
const OUTBOX_INBOX_TIMESTAMP = 1795400000000;

type MigrationClass = new () => MigrationInterface;

/**
 * Migrations creating the outbox and inbox tables in one app's schema. The schema is part of the
 * migration name, so several apps sharing one migrations table do not mistake each other's runs.
 */
export function createMessagingMigrations(schema: string): MigrationClass[] {
  const t = messagingTables(schema);
  const pascal = schema.replace(/(^|_)([a-z0-9])/g, (_m, _sep: string, ch: string) => ch.toUpperCase());

  class CreateOutboxAndInbox implements MigrationInterface {
    readonly name = `MessagingOutboxInbox${pascal}${OUTBOX_INBOX_TIMESTAMP}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${t.schema}"`);
      // seq gives the relay a total order of inserts; id (the event id) stays the primary key.
      await queryRunner.query(`
        CREATE TABLE ${t.outbox} (
          id uuid PRIMARY KEY,
          seq bigint GENERATED ALWAYS AS IDENTITY,
          topic text NOT NULL,
          key text NULL,
          headers jsonb NOT NULL DEFAULT '{}'::jsonb,
          payload jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz NULL,
          attempts integer NOT NULL DEFAULT 0,
          last_error text NULL
        )`);
      await queryRunner.query(`CREATE INDEX outbox_pending_idx ON ${t.outbox} (seq) WHERE published_at IS NULL`);
      await queryRunner.query(
        `CREATE INDEX outbox_published_idx ON ${t.outbox} (published_at) WHERE published_at IS NOT NULL`,
      );
      await queryRunner.query(`
        CREATE TABLE ${t.inbox} (
          consumer_group text NOT NULL,
          event_id text NOT NULL,
          event_type text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer_group, event_id)
        )`);
      await queryRunner.query(`CREATE INDEX inbox_processed_idx ON ${t.inbox} (processed_at)`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE IF EXISTS ${t.inbox}`);
      await queryRunner.query(`DROP TABLE IF EXISTS ${t.outbox}`);
    }
  }

  return [CreateOutboxAndInbox];
}
