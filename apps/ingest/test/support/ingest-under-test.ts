import 'reflect-metadata';
import { bootstrapService, type RunningService } from '@revisit/platform';
import { kafkaBrokers, testDatabaseUrl, testRedisUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { ingestConfigSchema } from '../../src/config/ingest.config';
import { ingestHttpsOptions } from '../../src/config/https-options';
import { MllpListener } from '../../src/mllp/mllp-listener';
import { addSource, type AddSourceCommand, type SqlQuery } from '../../src/sources/use-cases/manage-sources';

export interface IngestUnderTest {
  readonly service: RunningService;
  readonly url: string;
  readonly mllpPort: number;
  readonly db: DataSource;
  readonly sql: SqlQuery;
}

/** Boots the real ingest service against the run's PostgreSQL, Kafka and Redis, on free ports. */
export async function startIngest(env: Record<string, string> = {}): Promise<IngestUnderTest> {
  const service = await bootstrapService({
    name: 'ingest',
    config: ingestConfigSchema,
    module: (config, context) => AppModule.forConfig(config, context),
    https: ingestHttpsOptions,
    env: {
      PORT: '0',
      MLLP_PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: kafkaBrokers().join(','),
      REDIS_URL: testRedisUrl(),
      ...env,
    },
  });
  const db = service.app.get(DataSource);
  return {
    service,
    url: service.url,
    mllpPort: service.app.get(MllpListener).port()!,
    db,
    sql: (text, params) => db.query(text, params),
  };
}

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;

/**
 * Registers a feed source unique to this run (ids get a run suffix) and returns its API key. A source
 * bound to 127.0.0.1 for plain MLLP must be released with `releaseSource` so the next test file can bind it.
 */
export async function registerSource(
  ingest: IngestUnderTest,
  command: Omit<AddSourceCommand, 'displayName'>,
): Promise<{ id: string; apiKey: string }> {
  const id = `${command.id}-${RUN}`.toLowerCase();
  const { apiKey } = await addSource(ingest.sql, { ...command, id, displayName: `test source ${command.id}` });
  return { id, apiKey: apiKey! };
}

export async function releaseSource(ingest: IngestUnderTest, id: string): Promise<void> {
  await ingest.sql(`UPDATE ingest.feed_source SET disabled_at = now() WHERE id = $1`, [id]);
}
