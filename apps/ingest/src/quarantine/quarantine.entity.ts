import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INGEST_SCHEMA } from '../database/ingest-schema';

/** A rejected message waiting for an operator: its code, a value-free reason, and whether it was replayed. */
@Entity({ schema: INGEST_SCHEMA, name: 'quarantine' })
export class QuarantineEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'raw_message_id', type: 'uuid' })
  rawMessageId!: string;

  @Column({ type: 'text' })
  code!: string;

  /** Structural description from the parser; never contains field values. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;

  @Column({ name: 'replayed_by', type: 'text', nullable: true })
  replayedBy!: string | null;

  @Column({ name: 'replay_reason', type: 'text', nullable: true })
  replayReason!: string | null;

  /** The raw_message row the replay produced (accepted, or rejected again). */
  @Column({ name: 'replay_raw_message_id', type: 'uuid', nullable: true })
  replayRawMessageId!: string | null;
}
