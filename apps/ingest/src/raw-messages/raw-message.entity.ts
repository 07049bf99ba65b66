import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INGEST_SCHEMA } from '../database/ingest-schema';

export type FeedChannel = 'mllp' | 'http';
export type RawMessageStatus = 'accepted' | 'rejected' | 'duplicate';
export type AckCode = 'AA' | 'AE' | 'AR';
export type RawMessageFormat = 'hl7v2' | 'fhir-r4' | 'erp-csv';

/** One received feed message, stored with its exact bytes before it is acknowledged. */
@Entity({ schema: INGEST_SCHEMA, name: 'raw_message' })
export class RawMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'source_system', type: 'text', nullable: true })
  sourceSystem!: string | null;

  @Column({ type: 'text' })
  channel!: FeedChannel;

  /** MSH-3^MSH-4 as sent: the scope in which the sender's control ids are unique. */
  @Column({ type: 'text', nullable: true })
  sender!: string | null;

  @Column({ name: 'control_id', type: 'text', nullable: true })
  controlId!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ type: 'text', nullable: true })
  charset!: string | null;

  @Column({ name: 'message_type', type: 'text', nullable: true })
  messageType!: string | null;

  @Column({ type: 'text' })
  status!: RawMessageStatus;

  @Column({ name: 'rejection_code', type: 'text', nullable: true })
  rejectionCode!: string | null;

  @Column({ name: 'ack_code', type: 'text' })
  ackCode!: AckCode;

  /** The ACK we answered, so a resend of the same control id gets the same answer. */
  @Column({ type: 'text' })
  ack!: string;

  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf!: string | null;

  /** The authenticated feed source that sent it (null for rows stored before sources existed). */
  @Column({ name: 'source_id', type: 'text', nullable: true })
  sourceId!: string | null;

  @Column({ type: 'text', default: 'hl7v2' })
  format!: RawMessageFormat;
}
