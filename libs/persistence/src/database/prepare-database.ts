import type { DataSource } from 'typeorm';
import { assertSchemaName } from './data-source-options';

/**
 * Creates the app's schema if missing and runs pending migrations, each in its own transaction. Several
 * replicas may start at once: a session advisory lock per schema makes them take turns, so a migration
 * never runs twice concurrently.
 */
export async function prepareDatabase(dataSource: DataSource, schema: string): Promise<string[]> {
  assertSchemaName(schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`revisit.migrations.${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`revisit.migrations.${schema}`]);
    }
  } finally {
    await runner.release();
  }
}
