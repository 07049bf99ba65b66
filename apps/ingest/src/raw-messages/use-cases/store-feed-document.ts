import { createHash } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { INGEST_SCHEMA } from '../../database/ingest-schema';
import { type NormalisedEvent } from '../../normalise/normalised-event';
import { QuarantineEntity } from '../../quarantine/quarantine.entity';
import { type FeedSource } from '../../sources/feed-source.entity';
import { type AckCode, RawMessageEntity, type RawMessageFormat } from '../raw-message.entity';

const S = `"${INGEST_SCHEMA}"`;

/** What we answered, stored so a resend gets the same answer. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface FeedDocument {
  readonly format: Exclude<RawMessageFormat, 'hl7v2'>;
  readonly bytes: Buffer;
  readonly source: FeedSource;
  /** E.g. `Bundle` or `MedicationDispense`, `erp-row`. */
  readonly messageType: string;
}

export interface StoredDocument {
  readonly rawMessageId: string;
  readonly status: 'accepted' | 'rejected' | 'duplicate';
  readonly ackCode: AckCode;
  readonly answer: StoredAnswer;
  readonly quarantineId?: string;
}

/** Content key of a document for one source: a resend of the same bytes is the same document (ETag-like). */
export function documentKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function baseRow(document: FeedDocument, now: Date): RawMessageEntity {
  return Object.assign(new RawMessageEntity(), {
    id: uuidv7(),
    sourceSystem: document.source.id,
    channel: 'http',
    sender: `${document.format}:${document.source.id}`,
    controlId: documentKey(document.bytes),
    receivedAt: now,
    bytes: document.bytes,
    charset: 'utf-8',
    messageType: document.messageType,
    duplicateOf: null,
    sourceId: document.source.id,
    format: document.format,
  });
}

/**
 * Stores an accepted FHIR document or CSV row with its events for the EMPI stage, inside the caller's
 * transaction. The unique index on accepted (sender, control id) makes an identical resend a duplicate,
 * answered with the stored answer and emitting nothing.
 */
export async function storeAcceptedDocumentIn(
  manager: EntityManager,
  document: FeedDocument,
  events: readonly NormalisedEvent[],
  answer: StoredAnswer,
): Promise<StoredDocument> {
  const row = baseRow(document, new Date());
  const inserted: unknown[] = await manager.query(
    `INSERT INTO ${S}.raw_message
       (id, source_system, channel, sender, control_id, received_at, bytes, charset, message_type, status,
        ack_code, ack, normalised_events, source_id, format)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'accepted', 'AA', $10, $11::jsonb, $12, $13)
     ON CONFLICT (sender, control_id) WHERE status = 'accepted' AND sender IS NOT NULL AND control_id IS NOT NULL
     DO NOTHING
     RETURNING id`,
    [
      row.id,
      row.sourceSystem,
      row.channel,
      row.sender,
      row.controlId,
      row.receivedAt,
      row.bytes,
      row.charset,
      row.messageType,
      JSON.stringify(answer),
      JSON.stringify(events),
      row.sourceId,
      row.format,
    ],
  );
  if (inserted.length === 1) return { rawMessageId: row.id, status: 'accepted', ackCode: 'AA', answer };
  const repository = manager.getRepository(RawMessageEntity);
  const original = await repository.findOneByOrFail({
    sender: row.sender!,
    controlId: row.controlId!,
    status: 'accepted',
  });
  await repository.insert({ ...row, status: 'duplicate', ackCode: 'AA', ack: original.ack, duplicateOf: original.id });
  return { rawMessageId: row.id, status: 'duplicate', ackCode: 'AA', answer: JSON.parse(original.ack) as StoredAnswer };
}

/** Stores a rejected document or row with a quarantine entry carrying its code and value-free reason. */
export async function storeRejectedDocumentIn(
  manager: EntityManager,
  document: FeedDocument,
  rejection: { readonly code: string; readonly reason: string },
  answer: StoredAnswer,
): Promise<StoredDocument> {
  const row = Object.assign(baseRow(document, new Date()), {
    status: 'rejected' as const,
    rejectionCode: rejection.code,
    ackCode: 'AE' as const,
    ack: JSON.stringify(answer),
  });
  await manager.getRepository(RawMessageEntity).insert(row);
  const quarantine = Object.assign(new QuarantineEntity(), {
    id: uuidv7(),
    rawMessageId: row.id,
    code: rejection.code,
    reason: rejection.reason,
    createdAt: row.receivedAt,
    replayedAt: null,
    replayedBy: null,
    replayReason: null,
    replayRawMessageId: null,
  });
  await manager.getRepository(QuarantineEntity).insert(quarantine);
  return { rawMessageId: row.id, status: 'rejected', ackCode: 'AE', answer, quarantineId: quarantine.id };
}
