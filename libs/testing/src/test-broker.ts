import { InfraError, InfraErrorCode, LocalKafkaBroker, waitForKafka } from '@revisit/local-infra';
import { currentDescriptor } from './test-infra-descriptor';

/**
 * Stops the run's broker and keeps its data, as a crash or a rolling restart would. Producers and
 * consumers see it go away; `startTestBroker()` brings it back on the same address with every event.
 */
export async function stopTestBroker(): Promise<void> {
  const { kafka } = currentDescriptor();
  switch (kafka.kind) {
    case 'local-jvm':
      return LocalKafkaBroker.attach(kafka.dataDir).stop();
    case 'testcontainers': {
      const { stopContainer } = await import('./setup/testcontainers-infra');
      return stopContainer(kafka.containerId);
    }
    case 'external':
      throw notRestartable(kafka.brokers);
  }
}

/** Starts the run's broker again (same port and data) and resolves once it answers. */
export async function startTestBroker(): Promise<void> {
  const { kafka } = currentDescriptor();
  switch (kafka.kind) {
    case 'local-jvm':
      return LocalKafkaBroker.attach(kafka.dataDir).start();
    case 'testcontainers': {
      const { startContainer, assertKafkaReady } = await import('./setup/testcontainers-infra');
      await startContainer(kafka.containerId);
      return assertKafkaReady(kafka.brokers);
    }
    case 'external':
      throw notRestartable(kafka.brokers);
  }
}

/** Stop then start; resolves when the broker answers again. */
export async function restartTestBroker(): Promise<void> {
  await stopTestBroker();
  await startTestBroker();
}

/** Whether this run's broker can be restarted (not when KAFKA_BROKERS pointed at someone else's broker). */
export function canRestartTestBroker(): boolean {
  return currentDescriptor().kafka.kind !== 'external';
}

/** Resolves when the run's broker answers describeCluster, for tests that restart it themselves. */
export async function waitForTestBroker(timeoutMs = 60_000): Promise<void> {
  const { kafka } = currentDescriptor();
  const result = await waitForKafka(kafka.brokers, { timeoutMs });
  if (!result.reachable) throw new Error(`test broker did not answer within ${timeoutMs} ms: ${result.detail}`);
}

function notRestartable(brokers: readonly string[]): InfraError {
  return new InfraError(
    InfraErrorCode.BrokerNotRestartable,
    `The test broker ${brokers.join(',')} came from KAFKA_BROKERS and is not ours to restart; unset KAFKA_BROKERS to let the test set-up start one.`,
  );
}
