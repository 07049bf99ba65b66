import { type AnyEventEnvelope } from '@revisit/domain';
import {
  createKafkaClient,
  headersOf,
  KafkaProducerAdapter,
  silentLogger,
  subscribeWhenReady,
} from '@revisit/messaging';
import { eventually, kafkaBrokers } from '@revisit/testing';
import { type Consumer } from 'kafkajs';

/** Publishes catalogue events as the scheduler or ingest would, and records what outreach publishes. */
export class KafkaProbe {
  private readonly kafka = createKafkaClient({
    clientId: 'outreach-test',
    brokers: kafkaBrokers(),
    logger: silentLogger,
  });
  private readonly producer = new KafkaProducerAdapter(this.kafka);
  private consumer: Consumer | undefined;
  readonly received: AnyEventEnvelope[] = [];

  /** Creates every topic (leaders elected) before a service uses it, then records `recorded`. */
  async start(recorded: readonly string[], inputs: readonly string[]): Promise<void> {
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [...new Set([...recorded, ...inputs])].map((topic) => ({ topic, numPartitions: 3 })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `outreach-probe-${process.pid}-${Date.now()}` });
    await this.consumer.connect();
    if (recorded.length === 0) return;
    const consumer = this.consumer;
    // Recording starts only once the group owns its partitions, or the first events could be missed.
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await subscribeWhenReady(consumer, [...recorded], true);
    await consumer.run({
      eachMessage: ({ message }) => {
        this.received.push(JSON.parse(message.value?.toString() ?? 'null') as AnyEventEnvelope);
        return Promise.resolve();
      },
    });
    await joined;
  }

  async publish(...events: AnyEventEnvelope[]): Promise<void> {
    // A fresh topic's leader may still be moving for a moment after creation; that send is retried.
    await eventually(() => this.send(events), { timeoutMs: 20_000, intervalMs: 250 });
  }

  private async send(events: AnyEventEnvelope[]): Promise<void> {
    await this.producer.send(
      events.map((event) => ({
        topic: event.type,
        key: event.subject,
        value: JSON.stringify(event),
        headers: headersOf(event),
      })),
    );
  }

  of<T = Record<string, unknown>>(patientId: string, type: AnyEventEnvelope['type']): T[] {
    return this.received
      .filter((event) => event.subject === patientId && event.type === type)
      .map((event) => event.data as T);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer.disconnect();
  }
}
