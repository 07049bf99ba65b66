import { type AnyEventEnvelope } from '@revisit/domain';
import { createKafkaClient, silentLogger, subscribeWhenReady } from '@revisit/messaging';
import { kafkaBrokers } from '@revisit/testing';
import { type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * Records every event that reaches the given topics on the real broker, from the beginning. On a broker
 * shared between runs (KAFKA_BROKERS), earlier runs' events are on the same topics with the same enterprise
 * ids (every fresh database starts at EP0000000001): give the run a tenant of its own and record only that.
 */
export class KafkaRecorder {
  constructor(private readonly orgId?: string) {}

  private readonly kafka = createKafkaClient({
    clientId: 'ingest-test',
    brokers: kafkaBrokers(),
    logger: silentLogger,
  });
  // Random, not only the time: two recorders made in the same millisecond would share one group and split
  // the partitions between them, each seeing half of the events.
  private readonly groupId = `ingest-recorder-${process.pid}-${Date.now()}-${randomUUID()}`;
  private consumer: Consumer | undefined;
  private stopped = false;
  /** Disconnects of crashed consumers still under way; awaited on stop so none outlives the test file. */
  private readonly closing = new Set<Promise<void>>();
  private readonly seen = new Set<string>();
  readonly received: AnyEventEnvelope[] = [];

  async start(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
    await admin.disconnect();
    await this.consume(topics);
  }

  /**
   * On a fresh broker the group coordinator (__consumer_offsets) appears a while after the first consumer
   * asks for it and kafkajs crashes the consumer meanwhile: start again until it joins.
   */
  private async consume(topics: readonly string[]): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.groupId });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, () => {
      const closing = consumer.disconnect().finally(() => {
        this.closing.delete(closing);
        if (!this.stopped) setTimeout(() => void this.consume(topics), 500);
      });
      this.closing.add(closing);
    });
    await consumer.connect();
    await subscribeWhenReady(consumer, [...topics], true);
    await consumer.run({
      eachMessage: ({ message }) => {
        const event = JSON.parse(message.value?.toString() ?? 'null') as AnyEventEnvelope;
        // A restarted consumer may read again what it had not committed yet.
        if (this.orgId !== undefined && event.orgid !== this.orgId) return Promise.resolve();
        if (!this.seen.has(event.id)) {
          this.seen.add(event.id);
          this.received.push(event);
        }
        return Promise.resolve();
      },
    });
  }

  of(type: AnyEventEnvelope['type'], subject?: string): AnyEventEnvelope[] {
    return this.received.filter((e) => e.type === type && (subject === undefined || e.subject === subject));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.closing]);
    await this.consumer?.disconnect();
  }
}
