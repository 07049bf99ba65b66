import { CompressionTypes, Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { type EventPublisher, type OutgoingMessage } from './message-transport.port';

/**
 * Idempotent kafkajs producer: acks from all in-sync replicas and one request in flight, which is
 * what kafkajs needs to keep per-partition order with retries. A failed send throws; the producer
 * is then recreated because an idempotent producer whose retries were cut short may hold stale
 * sequence numbers for its producer id.
 */
export class KafkaProducerAdapter implements EventPublisher {
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(private readonly kafka: Kafka) {}

  async connect(): Promise<void> {
    await this.ready();
  }

  isConnected(): boolean {
    return this.producer !== undefined;
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.ready();
    try {
      await producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: groupByTopic(messages) });
    } catch (error) {
      await this.reset();
      throw new MessagingError(MessagingErrorCode.PublishFailed, `publish of ${messages.length} message(s) failed`, {
        cause: error,
      });
    }
  }

  async disconnect(): Promise<void> {
    await this.reset();
  }

  private ready(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw new MessagingError(MessagingErrorCode.NotConnected, 'Kafka producer could not connect', { cause: error });
    }
    this.producer = producer;
    return producer;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}

function groupByTopic(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const message of messages) {
    let entry = byTopic.get(message.topic);
    if (!entry) {
      entry = { topic: message.topic, messages: [] };
      byTopic.set(message.topic, entry);
    }
    entry.messages.push({ key: message.key, value: message.value, headers: message.headers });
  }
  return [...byTopic.values()];
}
