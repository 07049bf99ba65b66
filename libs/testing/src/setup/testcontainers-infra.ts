import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { findFreePortPair, waitForKafka } from '@revisit/local-infra';

export const KAFKA_IMAGE = 'apache/kafka:4.1.1';
export const POSTGRES_IMAGE = 'postgres:16';
export const REDIS_IMAGE = 'redis:7';
const CONTAINER_KAFKA_PORT = 9092;

/**
 * True when Testcontainers can reach a container engine within `timeoutMs`. A socket file alone is not
 * enough: Docker Desktop leaves it behind when it quits, and the run should then fall back to the JVM broker.
 */
export async function containerEngineAnswers(timeoutMs = 5_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  // getContainerRuntimeClient() pings the engine of the first strategy that works, or rejects.
  const probe = getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Kafka in a container. The host port is chosen up front and mapped 1:1 because the broker must
 * advertise the address clients use, and it stays the same when a test restarts the container.
 */
export async function startKafkaContainer(): Promise<{ container: StartedTestContainer; brokers: string[] }> {
  const hostPort = await findFreePortPair();
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: CONTAINER_KAFKA_PORT, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${CONTAINER_KAFKA_PORT},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .start();
  const brokers = [`127.0.0.1:${hostPort}`];
  await assertKafkaReady(brokers);
  return { container, brokers };
}

export async function startPostgresContainer(): Promise<{ container: StartedTestContainer; serverUrl: string }> {
  const container = await new GenericContainer(POSTGRES_IMAGE)
    .withExposedPorts(5432)
    .withEnvironment({ POSTGRES_PASSWORD: 'revisit' })
    // The entrypoint starts a temporary server for init scripts first: the second "ready" is the real one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const serverUrl = `postgres://postgres:revisit@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return { container, serverUrl };
}

export async function startRedisContainer(): Promise<{ container: StartedTestContainer; redisUrl: string }> {
  const container = await new GenericContainer(REDIS_IMAGE)
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
    .start();
  return { container, redisUrl: `redis://${container.getHost()}:${container.getMappedPort(6379)}` };
}

/** Stop or start a container by id from any process (a test restarting the run's broker). */
export async function stopContainer(id: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  await client.container.stop(client.container.getById(id), { timeout: 30 });
}

export async function startContainer(id: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  await client.container.start(client.container.getById(id));
}

export async function removeContainer(id: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  const container = client.container.getById(id);
  await client.container.stop(container, { timeout: 10 }).catch(() => undefined);
  await client.container.remove(container, { removeVolumes: true });
}

export async function assertKafkaReady(brokers: readonly string[]): Promise<void> {
  const result = await waitForKafka(brokers, { timeoutMs: 120_000 });
  if (!result.reachable) {
    throw new Error(`Kafka at ${brokers.join(',')} did not become ready: ${result.detail ?? 'no detail'}`);
  }
}
