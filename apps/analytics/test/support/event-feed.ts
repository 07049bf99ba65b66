import { type AnyEventEnvelope } from '@revisit/domain';
import { createKafkaClient, headersOf, KafkaProducerAdapter, silentLogger } from '@revisit/messaging';
import { eventually, kafkaBrokers } from '@revisit/testing';

/** Publishes catalogue events to their topics as the producing services would. */
export class EventFeed {
  private readonly kafka = createKafkaClient({
    clientId: 'analytics-test',
    brokers: kafkaBrokers(),
    logger: silentLogger,
  });
  private readonly producer = new KafkaProducerAdapter(this.kafka);

  /** Creates the topics (leaders elected) before the service subscribes, so it sees them at once. */
  async start(topics: readonly string[]): Promise<void> {
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
    await admin.disconnect();
    await this.waitForGroupCoordinator(topics[0]!);
  }

  /**
   * On a fresh broker the consumer-offsets topic, and with it every group coordinator, appears only some
   * time after the first group asks for one; a service joining before that crashes once and rejoins later.
   * Waiting here until a coordinator answers lets the service under test join at once.
   */
  private async waitForGroupCoordinator(topic: string): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await eventually(() => admin.fetchOffsets({ groupId: `analytics-test-${process.pid}`, topics: [topic] }), {
        timeoutMs: 120_000,
        intervalMs: 500,
      });
    } finally {
      await admin.disconnect();
    }
  }

  async publish(events: readonly AnyEventEnvelope[]): Promise<void> {
    // A fresh topic's leader may still be moving for a moment after creation; that send is retried.
    await eventually(
      () =>
        this.producer.send(
          events.map((event) => ({
            topic: event.type,
            key: event.subject,
            value: JSON.stringify(event),
            headers: headersOf(event),
          })),
        ),
      { timeoutMs: 20_000, intervalMs: 250 },
    );
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}
