import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_DATABASE_URL,
  LocalKafkaBroker,
  cacheDir,
  dockerSocketPresent,
  findFreePortPair,
  kafkaBrokersFromEnv,
  redisUrlFromEnv,
  requireKafka,
  requireRedis,
} from '@revisit/local-infra';
import type { TestInfraDescriptor, TestKafka } from '../test-infra-descriptor';
import { createDatabase, testDatabaseName, withDatabase } from './test-database';

/** The directory of one run: `.cache/test-kafka-<pid>`, removed at teardown. */
export function runWorkDir(pid: number = process.pid): string {
  return path.join(cacheDir(), `test-kafka-${pid}`);
}

/**
 * Provisions one Kafka broker, one fresh PostgreSQL database and a Redis for the whole run. URLs from the
 * environment win; what is missing comes from Testcontainers when a Docker engine exists, else Kafka runs
 * from its jars on a free port and PostgreSQL/Redis are expected at their local defaults.
 */
export async function provisionTestInfra(env: NodeJS.ProcessEnv = process.env): Promise<TestInfraDescriptor> {
  const workDir = runWorkDir();
  mkdirSync(workDir, { recursive: true });
  const containerIds: string[] = [];
  const useContainers = await containersAvailable(env);
  let kafka: TestKafka | undefined;
  try {
    kafka = await provisionKafka(env, useContainers, workDir, containerIds);
    const serverUrl = await provisionPostgresServer(env, useContainers, containerIds);
    const redisUrl = await provisionRedis(env, useContainers, containerIds);
    const databaseName = testDatabaseName();
    await createDatabase(serverUrl, databaseName);
    return {
      version: 1,
      ownerPid: process.pid,
      workDir,
      kafka,
      databaseName,
      databaseUrl: withDatabase(serverUrl, databaseName),
      serverUrl,
      redisUrl,
      containerIds,
    };
  } catch (err) {
    // Nothing was recorded yet, so the teardown could not find what was already started: undo it here.
    const { releaseTestInfra } = await import('./release-test-infra');
    await releaseTestInfra({ workDir, containerIds, kafka, databaseName: undefined }).catch(() => undefined);
    throw err;
  }
}

/** A Docker socket is a cheap hint; only a successful Testcontainers connection settles it. */
async function containersAvailable(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!dockerSocketPresent(env)) return false;
  const { containerEngineAnswers } = await import('./testcontainers-infra');
  return containerEngineAnswers();
}

async function provisionKafka(
  env: NodeJS.ProcessEnv,
  useContainers: boolean,
  workDir: string,
  containerIds: string[],
): Promise<TestKafka> {
  const external = kafkaBrokersFromEnv(env);
  if (external) {
    await requireKafka(external);
    return { kind: 'external', brokers: external };
  }
  if (useContainers) {
    const { startKafkaContainer } = await import('./testcontainers-infra');
    const { container, brokers } = await startKafkaContainer();
    containerIds.push(container.getId());
    return { kind: 'testcontainers', brokers, containerId: container.getId() };
  }
  const dataDir = path.join(workDir, 'broker');
  const broker = LocalKafkaBroker.create({ port: await findFreePortPair(), dataDir });
  await broker.start();
  return { kind: 'local-jvm', brokers: broker.brokers, dataDir };
}

async function provisionPostgresServer(
  env: NodeJS.ProcessEnv,
  useContainers: boolean,
  containerIds: string[],
): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (!useContainers) return DEFAULT_DATABASE_URL;
  const { startPostgresContainer } = await import('./testcontainers-infra');
  const { container, serverUrl } = await startPostgresContainer();
  containerIds.push(container.getId());
  return serverUrl;
}

async function provisionRedis(env: NodeJS.ProcessEnv, useContainers: boolean, containerIds: string[]): Promise<string> {
  if (env.REDIS_URL || !useContainers) {
    const url = redisUrlFromEnv(env);
    await requireRedis(url);
    return url;
  }
  const { startRedisContainer } = await import('./testcontainers-infra');
  const { container, redisUrl } = await startRedisContainer();
  containerIds.push(container.getId());
  return redisUrl;
}
