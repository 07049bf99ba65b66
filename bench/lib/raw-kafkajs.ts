import { type Kafka } from 'kafkajs';
import { ensureTopics, headersOf } from '@revisit/messaging';
import { benchEvent } from './bench-events';
import { LatencyRecorder, summarise, type ThroughputResult } from './latency-stats';

export interface RawKafkajsOptions {
  topic: string;
  groupId: string;
  events: number;
  partitions?: number;
  produceChunk?: number;
  consumerConcurrency?: number;
}

/**
 * The ceiling any Kafka pipeline is judged against: kafkajs sendBatch (acks=all, idempotent) into a consumer
 * that does nothing, same envelope size as the services' events. Same figures as bench:messaging's (a).
 */
export async function rawKafkajsPassthrough(kafka: Kafka, options: RawKafkajsOptions): Promise<ThroughputResult> {
  const { topic, events: total } = options;
  const chunk = options.produceChunk ?? 1000;
  await ensureTopics(kafka, [{ topic, partitions: options.partitions ?? 6 }]);
  const latency = new LatencyRecorder();
  let received = 0;
  let markDone: () => void = () => undefined;
  let markWarm: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (markDone = resolve));
  const warm = new Promise<void>((resolve) => (markWarm = resolve));
  const consumer = kafka.consumer({ groupId: options.groupId, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: options.consumerConcurrency ?? 3,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      const now = Date.now();
      for (const message of batch.messages) {
        const sentAt = Number(message.headers?.['x-sent-at']?.toString());
        if (sentAt === 0) markWarm();
        else {
          latency.record(now - sentAt);
          if (++received === total) markDone();
        }
        resolveOffset(message.offset);
      }
      await heartbeat();
    },
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    // The group has joined and every connection is open once the warm-up message comes back.
    await producer.send({ topic, acks: -1, messages: [{ key: 'warm', value: 'warm', headers: { 'x-sent-at': '0' } }] });
    await warm;
    const started = Date.now();
    for (let i = 0; i < total; i += chunk) {
      const sentAt = String(Date.now());
      const batch = Array.from({ length: Math.min(chunk, total - i) }, (_, k) => benchEvent(i + k));
      await producer.sendBatch({
        acks: -1,
        topicMessages: [
          {
            topic,
            messages: batch.map((event) => ({
              key: event.subject,
              value: JSON.stringify(event),
              headers: { ...headersOf(event), 'x-sent-at': sentAt },
            })),
          },
        ],
      });
    }
    await done;
    return summarise(total, started, Date.now(), latency);
  } finally {
    await producer.disconnect();
    await consumer.disconnect();
  }
}
