import { type EntityManager } from 'typeorm';
import { buildBatchAck } from '../../hl7v2/ack/build-batch-ack';
import { isBatch, readBatchEnvelope } from '../../hl7v2/framing/batch-envelope';
import { splitMessages } from '../../hl7v2/framing/split-messages';
import { type FeedChannel } from '../raw-message.entity';
import { type FeedSource } from '../../sources/feed-source.entity';
import {
  type ReceivedHl7,
  receiveHl7MessageIn,
  type ReceiveOptions,
  refuseUnauthenticated,
} from './receive-hl7-message';

export interface ReceivedHl7Payload {
  /** One entry per message, in payload order. */
  readonly messages: readonly ReceivedHl7[];
  /** What goes back on the wire: the message's ACK, or a batch ACK (BHS ... BTS) for a batch. */
  readonly ackBytes: Buffer;
  /** Charset of the answer when it is a single ACK; null for batch ACKs and unreadable input. */
  readonly charset: string | null;
  readonly batch: boolean;
}

/**
 * Store-before-ACK for one MLLP frame or HTTP body, inside the caller's transaction. A single message keeps
 * its exact bytes. A batch (FHS/BHS, or several MSH in one payload) is split and each message is stored,
 * deduplicated, parsed and acknowledged on its own; the answer is a batch acknowledgement holding every
 * ACK, so the sender learns the outcome of each message. One transaction covers the whole payload: either
 * every message is stored and acknowledged, or none is and the sender resends the batch. Without an
 * authenticated source nothing is stored and every message is answered AR.
 */
export async function receiveHl7PayloadIn(
  manager: EntityManager,
  bytes: Uint8Array,
  channel: FeedChannel,
  options: ReceiveOptions,
  source: FeedSource | undefined,
): Promise<ReceivedHl7Payload> {
  const envelope = readBatchEnvelope(bytes);
  const { messages } = splitMessages(bytes);
  if (isSingleMessage(messages.length, envelope)) {
    const received = source
      ? await receiveHl7MessageIn(manager, bytes, channel, options, source)
      : refuseUnauthenticated(bytes, options);
    return { messages: [received], ackBytes: received.ackBytes, charset: received.charset, batch: false };
  }
  const received: ReceivedHl7[] = [];
  for (const message of messages) {
    received.push(
      source
        ? await receiveHl7MessageIn(manager, message.bytes, channel, options, source)
        : refuseUnauthenticated(message.bytes, options),
    );
  }
  const now = options.now?.() ?? new Date();
  const ackBytes = buildBatchAck({
    envelope,
    acks: received.map((r) => r.ackBytes),
    controlId: `BACK${now.getTime()}`,
    timestamp: hl7Timestamp(now),
    receivingApplication: options.receivingApplication,
    receivingFacility: options.receivingFacility,
  });
  return { messages: received, ackBytes, charset: null, batch: true };
}

/** True when the payload is answered with one plain ACK: one message (or none at all) outside a batch. */
export function isSinglePayload(bytes: Uint8Array): boolean {
  return isSingleMessage(splitMessages(bytes).messages.length, readBatchEnvelope(bytes));
}

function isSingleMessage(count: number, envelope: ReturnType<typeof readBatchEnvelope>): boolean {
  return count === 0 || (count === 1 && !isBatch(envelope));
}

function hl7Timestamp(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
}
