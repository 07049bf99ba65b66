import path from 'node:path';
import { TEST_INFRA_FILE_ENV, writeDescriptor } from './test-infra-descriptor';
import { provisionTestInfra } from './setup/provision-test-infra';
import { releaseStaleRuns } from './setup/stale-runs';

/**
 * Jest global set-up of the integration project: one broker, one fresh database and Redis per run,
 * handed to every test process through the environment (workers inherit it).
 */
export default async function globalSetup(): Promise<void> {
  await releaseStaleRuns();
  const started = Date.now();
  const infra = await provisionTestInfra();
  const file = path.join(infra.workDir, 'infra.json');
  writeDescriptor(file, infra);
  process.env[TEST_INFRA_FILE_ENV] = file;
  process.env.KAFKA_BROKERS = infra.kafka.brokers.join(',');
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.REDIS_URL = infra.redisUrl;
  if (process.env.REVISIT_TEST_QUIET !== '1') {
    console.log(
      `\nintegration infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s: Kafka ${infra.kafka.kind} at ${process.env.KAFKA_BROKERS}, database ${infra.databaseName}`,
    );
  }
}
