import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@revisit/observability';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { buildDataSourceOptions, connectRedis, prepareDatabase } from '../src';

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    // Unqualified on purpose: search_path must point it at the app's schema.
    await runner.query('CREATE TABLE widget (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widget');
  }
}

const silent = createLogger({
  service: 'persistence-test',
  destination: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through the integration project's global set-up`);
  return value;
}

describe('prepareDatabase', () => {
  const schema = `persistence_it_${randomBytes(4).toString('hex')}`;
  const dataSources: DataSource[] = [];

  function dataSource(): DataSource {
    const created = new DataSource(
      buildDataSourceOptions({
        schema,
        url: requiredEnv('DATABASE_URL'),
        migrations: [CreateWidgets1700000000000],
        applicationName: 'persistence-it',
        logger: silent,
      }),
    );
    dataSources.push(created);
    return created;
  }

  afterAll(async () => {
    await dataSources[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(dataSources.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
  });

  it('creates the schema and applies each migration once even when replicas start together', async () => {
    const [first, second] = await Promise.all([dataSource().initialize(), dataSource().initialize()]);
    const applied = await Promise.all([prepareDatabase(first, schema), prepareDatabase(second, schema)]);

    expect(applied.flat()).toEqual(['CreateWidgets1700000000000']);
    const tables: { table_name: string }[] = await first.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(tables.map((row) => row.table_name)).toEqual(['migrations', 'widget']);
    // Restarting applies nothing.
    expect(await prepareDatabase(first, schema)).toEqual([]);
  });

  it('rejects schema names that would need quoting', () => {
    expect(() =>
      buildDataSourceOptions({
        schema: 'Bad"; DROP',
        url: 'postgres://x@localhost/x',
        migrations: [],
        applicationName: 'x',
        logger: silent,
      }),
    ).toThrow('invalid schema name');
  });
});

describe('connectRedis', () => {
  it('connects and answers PING', async () => {
    const client = await connectRedis({ url: requiredEnv('REDIS_URL'), clientName: 'persistence-it', logger: silent });
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.close();
    }
  });

  it('fails the boot within the timeout when Redis is unreachable', async () => {
    const started = Date.now();
    await expect(
      connectRedis({ url: 'redis://127.0.0.1:1', clientName: 'x', logger: silent, connectTimeoutMs: 500 }),
    ).rejects.toThrow('redis not reachable within 500 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
