import { DataSource } from 'typeorm';
import { createMessagingMigrations } from '../../src';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh schema with the messaging tables (through the real migrations) and an `effects` table
 * without a unique key, so an event applied twice shows up as two rows.
 */
export async function openTestSchema(schema: string, poolSize = 10): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: DATABASE_URL,
    migrations: createMessagingMigrations(schema),
    migrationsTableName: `${schema}_migrations`,
    extra: { max: poolSize },
  });
  await dataSource.initialize();
  await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.query(`CREATE TABLE "${schema}".effects (event_id text NOT NULL, seq integer NOT NULL)`);
  return dataSource;
}

export async function dropTestSchema(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource.query(`DROP TABLE IF EXISTS "${schema}_migrations"`);
  await dataSource.destroy();
}

export function schemaName(label: string): string {
  return `t_${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
