import { type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type Hl7MessageResult, parseHl7Feed } from '../../hl7v2/use-cases/parse-hl7-feed';
import { type AckCode, type FeedChannel, RawMessageEntity } from '../raw-message.entity';
import { QuarantineEntity } from '../../quarantine/quarantine.entity';
import { messageSender } from '../message-sender';
import { encodeAck } from '../ack-bytes';
import { INGEST_SCHEMA } from '../../database/ingest-schema';
import { Hl7RejectionCode, Hl7RejectionError } from '../../hl7v2/hl7v2.errors';
import { type NormalisedEvent } from '../../normalise/normalised-event';
import { type FeedSource } from '../../sources/feed-source.entity';
import { disallowedIdentifierSystems } from '../../sources/identifier-system-policy';

export interface ReceivedHl7 {
  readonly rawMessageId: string;
  readonly status: RawMessageEntity['status'];
  readonly ackCode: AckCode;
  /** The ACK to send, segments separated by CR, without MLLP framing. */
  readonly ack: string;
  /** Charset the message (and so its ACK) was read with; null when not even MSH could be read. */
  readonly charset: string | null;
  /** The ACK encoded in the charset the message was read with (what goes on the wire). */
  readonly ackBytes: Buffer;
  /** For a rejection: the quarantine row holding it. */
  readonly quarantineId?: string;
}

export interface ReceiveOptions {
  /** IANA zone for times without an offset. */
  readonly zone: string;
  readonly receivingApplication?: string;
  readonly receivingFacility?: string;
  readonly now?: () => Date;
}

/** One message parsed, judged and turned into its raw_message row, before anything is written. */
export interface PreparedHl7 {
  readonly row: RawMessageEntity;
  readonly result: Hl7MessageResult;
}

/** Parses and authorises one message (pure: nothing is written). */
export function prepareHl7Message(
  bytes: Uint8Array,
  channel: FeedChannel,
  options: ReceiveOptions,
  source: FeedSource,
): PreparedHl7 {
  const result = singleMessage(parseHl7Feed(bytes, { ...options, checkEvents: (events) => authorise(events, source) }));
  const sender = messageSender(bytes) ?? null;
  const row: RawMessageEntity = Object.assign(new RawMessageEntity(), {
    id: uuidv7(),
    sourceSystem: result.accepted ? (result.events[0]?.source.system ?? sender) : sender,
    channel,
    sender,
    controlId: result.controlId || null,
    receivedAt: new Date(),
    bytes: Buffer.from(bytes),
    charset: result.charset ?? null,
    messageType: result.messageType ?? null,
    status: result.accepted ? 'accepted' : 'rejected',
    rejectionCode: result.accepted ? null : result.rejection.code,
    ackCode: result.ack.code,
    ack: result.ack.text,
    duplicateOf: null,
    sourceId: source.id,
  });
  return { row, result };
}

/**
 * Store-before-ACK for one HL7 v2 message, inside the caller's transaction: the raw bytes are written
 * whatever the outcome; an accepted message keeps its normalised events for the EMPI stage; a rejection
 * gets a quarantine row; a resend of an accepted control id is recorded as a duplicate and answered with the
 * original ACK. The caller returns the ACK only after its transaction commits.
 */
export async function receiveHl7MessageIn(
  manager: EntityManager,
  bytes: Uint8Array,
  channel: FeedChannel,
  options: ReceiveOptions,
  source: FeedSource,
): Promise<ReceivedHl7> {
  return storePreparedIn(manager, prepareHl7Message(bytes, channel, options, source));
}

/**
 * Writes a prepared message in the caller's transaction. `acceptedInsert` tells what an earlier group INSERT
 * (see `insertAcceptedRows`) did with an accepted row: 'inserted' (only the answer is left to build),
 * 'conflict' (a resend: record it as a duplicate); without it the accepted row is inserted here.
 */
export async function storePreparedIn(
  manager: EntityManager,
  { row, result }: PreparedHl7,
  acceptedInsert?: 'inserted' | 'conflict',
): Promise<ReceivedHl7> {
  if (!result.accepted) {
    await manager.getRepository(RawMessageEntity).insert(row);
    const quarantine = Object.assign(new QuarantineEntity(), {
      id: uuidv7(),
      rawMessageId: row.id,
      code: result.rejection.code,
      reason: result.rejection.message,
      createdAt: row.receivedAt,
      replayedAt: null,
      replayedBy: null,
      replayReason: null,
      replayRawMessageId: null,
    });
    await manager.getRepository(QuarantineEntity).insert(quarantine);
    return {
      rawMessageId: row.id,
      status: 'rejected',
      ackCode: row.ackCode,
      ack: row.ack,
      charset: row.charset,
      ackBytes: encodeAck(row.ack, row.charset),
      quarantineId: quarantine.id,
    };
  }

  const outcome =
    acceptedInsert ??
    ((await insertAcceptedRows((sql, params) => manager.query(sql, params), [{ row, result }])).has(row.id)
      ? 'inserted'
      : 'conflict');
  if (outcome === 'inserted') return acceptedAnswer(row);

  const original = await manager
    .getRepository(RawMessageEntity)
    .findOneByOrFail({ sender: row.sender ?? undefined, controlId: row.controlId ?? undefined, status: 'accepted' });
  await manager
    .getRepository(RawMessageEntity)
    .insert({ ...row, status: 'duplicate', ackCode: original.ackCode, ack: original.ack, duplicateOf: original.id });
  return {
    rawMessageId: row.id,
    status: 'duplicate',
    ackCode: original.ackCode,
    ack: original.ack,
    charset: original.charset,
    ackBytes: encodeAck(original.ack, original.charset),
  };
}

/** The answer to an accepted message whose row is stored. */
export function acceptedAnswer(row: RawMessageEntity): ReceivedHl7 {
  return {
    rawMessageId: row.id,
    status: 'accepted',
    ackCode: row.ackCode,
    ack: row.ack,
    charset: row.charset,
    ackBytes: encodeAck(row.ack, row.charset),
  };
}

/**
 * Inserts accepted rows with one statement and returns the ids it stored. The unique index on accepted
 * (sender, control id) decides duplicates, so two concurrent resends cannot both be accepted: the second
 * waits for the first transaction and then conflicts, as does a second copy within the same statement.
 */
export async function insertAcceptedRows(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  prepared: readonly PreparedHl7[],
): Promise<Set<string>> {
  if (prepared.length === 0) return new Set();
  const params: unknown[] = [];
  const tuples = prepared.map(({ row, result }) => {
    const base = params.length;
    params.push(
      row.id,
      row.sourceSystem,
      row.channel,
      row.sender,
      row.controlId,
      row.receivedAt,
      row.bytes,
      row.charset,
      row.messageType,
      row.ackCode,
      row.ack,
      JSON.stringify(result.accepted ? result.events : []),
      row.sourceId,
    );
    const $ = (n: number): string => `$${base + n}`;
    return `(${$(1)}::uuid, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}::timestamptz, ${$(7)}::bytea, ${$(8)}, ${$(9)}, 'accepted', ${$(10)}, ${$(11)}, ${$(12)}::jsonb, ${$(13)})`;
  });
  const rows = (await query(
    `INSERT INTO "${INGEST_SCHEMA}".raw_message
       (id, source_system, channel, sender, control_id, received_at, bytes, charset, message_type, status,
        ack_code, ack, normalised_events, source_id)
     VALUES ${tuples.join(', ')}
     ON CONFLICT (sender, control_id) WHERE status = 'accepted' AND sender IS NOT NULL AND control_id IS NOT NULL
     DO NOTHING
     RETURNING id`,
    params,
  )) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/**
 * Only called with the bytes of one message (see `receiveHl7PayloadIn`); input without any MSH still yields
 * exactly one result, the NO_MESSAGE rejection.
 */
function singleMessage(results: Hl7MessageResult[]): Hl7MessageResult {
  return results[0]!;
}

/** A source writes only the assigning authorities it is bound to; anything else is refused (ACK AR). */
function authorise(events: readonly NormalisedEvent[], source: FeedSource): void {
  const refused = disallowedIdentifierSystems(events, source);
  if (refused.length > 0) {
    throw new Hl7RejectionError(
      Hl7RejectionCode.IDENTIFIER_SYSTEM_NOT_ALLOWED,
      `Source ${source.id} may not write identifier system(s) ${refused.join(', ')}`,
      { segment: 'PID', sequence: 1, field: 3 },
    );
  }
}

/**
 * Answers a message from an unauthenticated sender without storing anything: the ACK (AR) tells the
 * interface engine's operator what is wrong, and unknown peers cannot fill the store.
 */
export function refuseUnauthenticated(bytes: Uint8Array, options: ReceiveOptions): ReceivedHl7 {
  const result = singleMessage(
    parseHl7Feed(bytes, {
      ...options,
      checkEvents: () => {
        throw new Hl7RejectionError(
          Hl7RejectionCode.SOURCE_NOT_AUTHENTICATED,
          'This connection is not bound to a configured feed source',
          { segment: 'MSH', sequence: 1, field: 3 },
        );
      },
    }),
  );
  return {
    rawMessageId: '',
    status: 'rejected',
    ackCode: result.ack.code,
    ack: result.ack.text,
    charset: result.charset ?? null,
    ackBytes: encodeAck(result.ack.text, result.charset ?? null),
  };
}
