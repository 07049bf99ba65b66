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

/** Publishes catalogue events to their topics (as ingest would) and records what appears on others. */
export class KafkaProbe {
  private readonly kafka = createKafkaClient({
    clientId: 'scheduler-test',
    brokers: kafkaBrokers(),
    logger: silentLogger,
  });
  private readonly producer = new KafkaProducerAdapter(this.kafka);
  private consumer: Consumer | undefined;
  readonly received: AnyEventEnvelope[] = [];

  /** Creates the input and output topics (leaders elected) before any service uses them, then records `topics`. */
  async start(topics: string[], inputTopics: string[]): Promise<void> {
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [...topics, ...inputTopics].map((topic) => ({ topic, numPartitions: 3 })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `scheduler-probe-${process.pid}-${Date.now()}` });
    await this.consumer.connect();
    await subscribeWhenReady(this.consumer, topics, true);
    await this.consumer.run({
      eachMessage: ({ message }) => {
        this.received.push(JSON.parse(message.value?.toString() ?? 'null') as AnyEventEnvelope);
        return Promise.resolve();
      },
    });
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

  ofPatient(patientId: string, type: AnyEventEnvelope['type']): AnyEventEnvelope[] {
    return this.received.filter((event) => event.subject === patientId && event.type === type);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer.disconnect();
  }
}
