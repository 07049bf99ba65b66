import { type DataSource } from 'typeorm';
import { type FeedSource } from '../../sources/feed-source.entity';
import { type FeedChannel } from '../raw-message.entity';
import {
  acceptedAnswer,
  insertAcceptedRows,
  type PreparedHl7,
  prepareHl7Message,
  type ReceivedHl7,
  type ReceiveOptions,
  storePreparedIn,
} from './receive-hl7-message';
import { isSinglePayload, type ReceivedHl7Payload, receiveHl7PayloadIn } from './receive-hl7-payload';

export interface Hl7Arrival {
  readonly bytes: Uint8Array;
  readonly channel: FeedChannel;
  /** The authenticated feed source, undefined for an unknown peer (answered AR, nothing stored). */
  readonly source: FeedSource | undefined;
}

type Pending =
  | { readonly index: number; readonly prepared: PreparedHl7; readonly insert?: 'conflict' }
  | { readonly index: number; readonly arrival: Hl7Arrival };

/**
 * Store-before-ACK for payloads that arrived together (see `GroupCommit`). Accepted single messages, nearly
 * all traffic, are written by one multi-row INSERT that commits on its own: one round trip for the group.
 * Everything else (rejections, resends of a stored control id, batches, unknown peers) then goes the
 * per-message way in one transaction. The caller answers only after this resolves, so every ACK follows the
 * commit of its own message's row.
 */
export async function receiveHl7Group(
  dataSource: DataSource,
  arrivals: readonly Hl7Arrival[],
  options: ReceiveOptions,
): Promise<ReceivedHl7Payload[]> {
  const answers: ReceivedHl7Payload[] = new Array<ReceivedHl7Payload>(arrivals.length);
  const accepted: { index: number; prepared: PreparedHl7 }[] = [];
  const rest: Pending[] = [];
  arrivals.forEach((arrival, index) => {
    if (!arrival.source || !isSinglePayload(arrival.bytes)) return void rest.push({ index, arrival });
    const prepared = prepareHl7Message(arrival.bytes, arrival.channel, options, arrival.source);
    (prepared.result.accepted ? accepted : rest).push({ index, prepared });
  });

  const inserted = await insertAcceptedRows(
    (sql, params) => dataSource.query(sql, params),
    accepted.map((a) => a.prepared),
  );
  for (const { index, prepared } of accepted) {
    if (inserted.has(prepared.row.id)) answers[index] = single(acceptedAnswer(prepared.row));
    else rest.push({ index, prepared, insert: 'conflict' });
  }

  if (rest.length > 0) {
    await dataSource.transaction(async (manager) => {
      for (const pending of rest.sort((a, b) => a.index - b.index)) {
        answers[pending.index] =
          'prepared' in pending
            ? single(await storePreparedIn(manager, pending.prepared, pending.insert))
            : await receiveHl7PayloadIn(
                manager,
                pending.arrival.bytes,
                pending.arrival.channel,
                options,
                pending.arrival.source,
              );
      }
    });
  }
  return answers;
}

function single(received: ReceivedHl7): ReceivedHl7Payload {
  return { messages: [received], ackBytes: received.ackBytes, charset: received.charset, batch: false };
}
