import { type Kafka } from 'kafkajs';
import { decodeHeaders } from '../core/message-headers';
import { type ConsumedMessage } from '../kafka/message-transport.port';
import { subscribeWhenReady } from '../kafka/subscribe-when-ready';

export interface PartitionEnd {
  partition: number;
  /** Offset of the next message to be written: reading stops below it. */
  high: bigint;
}

export async function partitionEnds(kafka: Kafka, topic: string): Promise<PartitionEnd[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.map((o) => ({ partition: o.partition, high: BigInt(o.high) }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a topic with the given consumer group from its committed position (or the beginning) up to
 * the ends measured at the start, calling `onMessage` in offset order per partition. Resolves once
 * every partition reached its end or `onMessage` returned 'stop'.
 */
export async function readUpToEnds(
  kafka: Kafka,
  groupId: string,
  topic: string,
  ends: readonly PartitionEnd[],
  onMessage: (
    message: ConsumedMessage,
    commit: (offset: string, metadata: string | null) => Promise<void>,
  ) => Promise<'continue' | 'stop'>,
): Promise<void> {
  const pending = new Map(ends.filter((end) => end.high > 0n).map((end) => [end.partition, end.high]));
  if (pending.size === 0) return;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  // Once finished, batches fetched before the disconnect lands must not reach onMessage.
  let finished = false;
  let resolveDone: () => void = () => undefined;
  let rejectDone: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const finish = (): void => {
    finished = true;
    resolveDone();
  };
  const fail = (error: unknown): void => {
    finished = true;
    rejectDone(error);
  };
  try {
    await subscribeWhenReady(consumer, [topic], true);
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        try {
          for (const raw of batch.messages) {
            if (finished) return;
            const high = pending.get(batch.partition);
            if (high === undefined || BigInt(raw.offset) >= high) break;
            const message: ConsumedMessage = {
              topic: batch.topic,
              partition: batch.partition,
              offset: raw.offset,
              key: raw.key?.toString() ?? null,
              value: raw.value?.toString() ?? null,
              headers: decodeHeaders(raw.headers),
            };
            const commit = (offset: string, metadata: string | null) =>
              consumer.commitOffsets([{ topic, partition: batch.partition, offset, metadata }]);
            const next = await onMessage(message, commit);
            resolveOffset(raw.offset);
            await heartbeat();
            if (next === 'stop') return finish();
            if (BigInt(raw.offset) + 1n >= high) pending.delete(batch.partition);
          }
          if (pending.size === 0) finish();
        } catch (error) {
          fail(error);
        }
      },
    });
    // An empty committed range never produces a batch: check what is already done.
    for (const end of ends) {
      const committed = await committedOffset(kafka, groupId, topic, end.partition);
      if (committed !== undefined && committed >= end.high) pending.delete(end.partition);
    }
    if (pending.size === 0) finish();
    await done;
  } finally {
    await consumer.disconnect();
  }
}

export async function committedOffsets(
  kafka: Kafka,
  groupId: string,
  topic: string,
): Promise<Map<number, { offset: bigint | undefined; metadata: string | null }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(
      (result?.partitions ?? []).map((p) => [
        p.partition,
        { offset: p.offset === '-1' ? undefined : BigInt(p.offset), metadata: p.metadata },
      ]),
    );
  } finally {
    await admin.disconnect();
  }
}

async function committedOffset(kafka: Kafka, groupId: string, topic: string, partition: number) {
  return (await committedOffsets(kafka, groupId, topic)).get(partition)?.offset;
}
