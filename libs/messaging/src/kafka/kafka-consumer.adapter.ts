import { type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { decodeHeaders } from '../core/message-headers';
import { subscribeWhenReady } from './subscribe-when-ready';
import { type ConsumedMessage, type MessageSource, type SubscriptionOptions } from './message-transport.port';

export interface KafkaConsumerOptions {
  /** Partitions handled at once; each gets its own database transaction. */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /** Where a group with no committed offset starts; the platform reads from the beginning. */
  fromBeginning?: boolean;
}

/**
 * kafkajs consumer with auto-commit and auto-resolve off: the runner resolves and commits an offset
 * only after the database transaction holding the message's effect has committed.
 */
export class KafkaConsumerAdapter implements MessageSource {
  private consumer: Consumer | undefined;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaConsumerOptions = {},
  ) {}

  async start(subscription: SubscriptionOptions): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: subscription.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      // kafkajs restarts by itself after a retriable crash; only a final crash stops the consumer.
      if (!event.payload.restart) this.running = false;
    });
    consumer.on(consumer.events.STOP, () => (this.running = false));
    await consumer.connect();
    await subscribeWhenReady(consumer, subscription.topics, this.options.fromBeginning ?? true);
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 2,
      eachBatch: (payload) => this.handleBatch(subscription, consumer, payload),
    });
    this.running = true;
  }

  isRunning(): boolean {
    return this.running;
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.running = false;
    if (!consumer) return;
    // stop() returns once the batch being handled has finished and its offsets were committed.
    await consumer.stop();
    await consumer.disconnect();
  }

  private async handleBatch(
    subscription: SubscriptionOptions,
    consumer: Consumer,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch } = payload;
    const messages: ConsumedMessage[] = batch.messages.map((message) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: message.offset,
      key: message.key ? message.key.toString() : null,
      value: message.value ? message.value.toString() : null,
      headers: decodeHeaders(message.headers),
    }));
    await subscription.onBatch(
      { topic: batch.topic, partition: batch.partition, messages },
      {
        heartbeat: () => payload.heartbeat(),
        isActive: () => payload.isRunning() && !payload.isStale(),
        commit: async (offset) => {
          payload.resolveOffset(offset);
          const next = (BigInt(offset) + 1n).toString();
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        },
      },
    );
  }
}
