import { randomUUID } from 'node:crypto';
import { type Kafka } from 'kafkajs';
import { EVENT_HEADERS, FAILURE_HEADERS, type HeaderMap } from '../core/message-headers';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { type ConsumedMessage, type EventPublisher, type OutgoingMessage } from '../kafka/message-transport.port';
import { committedOffsets, partitionEnds, readUpToEnds } from './dlq-reader';
import { RedriveProgress } from './redrive-progress';

/** One consumer group records redrive progress for every DLQ topic (offsets are per topic). */
export const REDRIVE_GROUP = 'revisit.dlq-redrive';

export interface Output {
  line(text: string): void;
}

export async function listDeadLetters(
  kafka: Kafka,
  topic: string,
  limit: number,
  showPayload: boolean,
  out: Output,
): Promise<number> {
  const ends = await partitionEnds(kafka, topic);
  // A throwaway group that never commits: listing leaves no trace.
  const groupId = `revisit.dlq-list.${randomUUID()}`;
  let count = 0;
  out.line(['partition:offset', 'original-topic', 'error-code', 'failed-at', 'attempts', 'event-id'].join('\t'));
  if (limit > 0) {
    await readUpToEnds(kafka, groupId, topic, ends, (message) => {
      out.line(describe(message));
      if (showPayload) out.line(`  payload: ${message.value ?? ''}`);
      count++;
      return Promise.resolve(count >= limit ? 'stop' : 'continue');
    });
  }
  await deleteGroup(kafka, groupId);
  return count;
}

function describe(message: ConsumedMessage): string {
  const h = message.headers;
  return [
    `${message.partition}:${message.offset}`,
    h[FAILURE_HEADERS.originalTopic] ?? '?',
    h[FAILURE_HEADERS.errorCode] ?? '?',
    h[FAILURE_HEADERS.failedAt] ?? '?',
    h[FAILURE_HEADERS.attempts] ?? '?',
    h[EVENT_HEADERS.id] ?? '?',
  ].join('\t');
}

export type RedriveTarget = { all: true } | { all: false; partition: number; offset: string };

export interface RedriveResult {
  redriven: number;
  alreadyDone: number;
}

/**
 * Republishes dead letters to their original topic. Progress is committed on the DLQ topic by
 * REDRIVE_GROUP after each message, so running the same redrive again does nothing twice.
 */
export async function redriveDeadLetters(
  kafka: Kafka,
  publisher: EventPublisher,
  topic: string,
  target: RedriveTarget,
  out: Output,
): Promise<RedriveResult> {
  const ends = await partitionEnds(kafka, topic);
  const commits = await committedOffsets(kafka, REDRIVE_GROUP, topic);
  const progressOf = new Map(
    ends.map((end) => {
      const commit = commits.get(end.partition);
      return [end.partition, RedriveProgress.fromCommit(commit?.offset, commit?.metadata ?? null)];
    }),
  );
  const result: RedriveResult = { redriven: 0, alreadyDone: 0 };
  let readEnds = ends;
  if (!target.all) {
    const end = ends.find((e) => e.partition === target.partition);
    const offset = BigInt(target.offset);
    if (!end || offset >= end.high) {
      throw new MessagingError(MessagingErrorCode.InvalidArgument, `no message at ${target.partition}:${offset}`);
    }
    if (progressOf.get(target.partition)!.isDone(offset)) {
      out.line(`${target.partition}:${offset} was already redriven; nothing to do`);
      return { redriven: 0, alreadyDone: 1 };
    }
    readEnds = [{ partition: target.partition, high: offset + 1n }];
  }
  await readUpToEnds(kafka, REDRIVE_GROUP, topic, readEnds, async (message, commit) => {
    const offset = BigInt(message.offset);
    const progress = progressOf.get(message.partition)!;
    const selected = target.all || offset === BigInt(target.offset);
    if (!selected) return 'continue';
    if (progress.isDone(offset)) {
      result.alreadyDone++;
    } else {
      await publisher.send([redriveCopy(message)]);
      result.redriven++;
      out.line(`redriven ${message.partition}:${message.offset} -> ${message.headers[FAILURE_HEADERS.originalTopic]}`);
    }
    progress.markDone(offset);
    const next = progress.toCommit();
    await commit(next.offset, next.metadata);
    return target.all ? 'continue' : 'stop';
  });
  return result;
}

const FAILURE_HEADER_NAMES = new Set<string>(Object.values(FAILURE_HEADERS));

function redriveCopy(message: ConsumedMessage): OutgoingMessage {
  const originalTopic = message.headers[FAILURE_HEADERS.originalTopic];
  if (!originalTopic) {
    throw new MessagingError(
      MessagingErrorCode.MalformedMessage,
      `dead letter ${message.partition}:${message.offset} has no ${FAILURE_HEADERS.originalTopic} header`,
    );
  }
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (!FAILURE_HEADER_NAMES.has(name)) headers[name] = value;
  }
  headers[FAILURE_HEADERS.redrivenAt] = new Date().toISOString();
  headers[FAILURE_HEADERS.redriveOf] = `${message.topic}/${message.partition}/${message.offset}`;
  return { topic: originalTopic, key: message.key, value: message.value ?? '', headers };
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } catch {
    // Best effort: an empty group expires by itself.
  } finally {
    await admin.disconnect();
  }
}
