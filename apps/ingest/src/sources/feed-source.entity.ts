import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INGEST_SCHEMA } from '../database/ingest-schema';

/** A system allowed to send feeds, with its credentials and the assigning authorities it may write. */
@Entity({ schema: INGEST_SCHEMA, name: 'feed_source' })
export class FeedSourceEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'identifier_systems', type: 'text', array: true })
  identifierSystems!: string[];

  /** Public part of the API key, used to find the row; the secret is only stored as a scrypt hash. */
  @Column({ name: 'api_key_id', type: 'text', nullable: true })
  apiKeyId!: string | null;

  @Column({ name: 'api_key_hash', type: 'text', nullable: true })
  apiKeyHash!: string | null;

  @Column({ name: 'api_key_rotated_at', type: 'timestamptz', nullable: true })
  apiKeyRotatedAt!: Date | null;

  /** SHA-256 fingerprints (upper-case hex, colon separated, as openssl prints them) of client certificates. */
  @Column({ name: 'cert_fingerprints', type: 'text', array: true })
  certFingerprints!: string[];

  /** Peer IP addresses allowed to send over plain (non-TLS) MLLP. */
  @Column({ name: 'mllp_peer_addresses', type: 'text', array: true })
  mllpPeerAddresses!: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}

/** What the feed edges need to know about the authenticated sender. */
export interface FeedSource {
  readonly id: string;
  readonly identifierSystems: readonly string[];
}
