import { type Consumer, KafkaJSProtocolError } from 'kafkajs';

/** Errors a broker answers while a topic created a moment ago is still reaching its metadata cache. */
const NOT_YET_VISIBLE = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_OR_FOLLOWER']);

export interface SubscribeRetry {
  /** How long a topic may take to become visible before the subscription fails. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Subscribes, retrying while the broker does not yet know the topics. KRaft brokers learn of a new
 * topic from the controller asynchronously, so a subscribe right after `createTopics` (ours or a
 * provisioning job's) can be told the topic does not exist; kafkajs does not retry that itself.
 */
export async function subscribeWhenReady(
  consumer: Consumer,
  topics: readonly string[],
  fromBeginning: boolean,
  retry: SubscribeRetry = {},
): Promise<void> {
  const deadline = Date.now() + (retry.timeoutMs ?? 30_000);
  const intervalMs = retry.intervalMs ?? 250;
  for (;;) {
    try {
      await consumer.subscribe({ topics: [...topics], fromBeginning });
      return;
    } catch (error) {
      if (!isNotYetVisible(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

function isNotYetVisible(error: unknown): boolean {
  return error instanceof KafkaJSProtocolError && NOT_YET_VISIBLE.has(error.type);
}
