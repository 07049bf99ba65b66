import { type Kafka } from 'kafkajs';
import {
  createKafkaClient,
  decodeHeaders,
  subscribeWhenReady,
  parseBrokers,
  silentLogger,
  type HeaderMap,
} from '../../src';

export function testBrokers(): string[] {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set; the integration global set-up provides it');
  return brokers;
}

export function testKafka(brokers: readonly string[] = testBrokers()): Kafka {
  // Broker restarts in tests make kafkajs log connection errors that are expected there.
  return createKafkaClient({ clientId: 'messaging-test', brokers, logger: silentLogger });
}

export interface Received {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: HeaderMap;
}

/** A plain kafkajs consumer that records everything on the given topics, for assertions. */
export async function recordTopics(
  kafka: Kafka,
  topics: string[],
): Promise<{ received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const consumer = kafka.consumer({ groupId: `recorder-${Math.random().toString(36).slice(2)}` });
  await consumer.connect();
  await subscribeWhenReady(consumer, topics, true);
  await consumer.run({
    eachMessage: ({ topic, partition, message }) => {
      received.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers: decodeHeaders(message.headers),
      });
      return Promise.resolve();
    },
  });
  return { received, stop: () => consumer.disconnect() };
}
