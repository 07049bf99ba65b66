import { type HeaderMap } from '../core/message-headers';

/** A record to publish; value is the CloudEvents JSON (or a DLQ/retry copy of it). */
export interface OutgoingMessage {
  topic: string;
  key: string | null;
  value: string;
  headers: HeaderMap;
}

/** Port for publishing; the only implementation today is KafkaProducerAdapter (kafkajs). */
export interface EventPublisher {
  /** Resolves once every message is acknowledged by all in-sync replicas; order kept per topic+key. */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are int64: kept as decimal strings. */
  offset: string;
  key: string | null;
  value: string | null;
  headers: HeaderMap;
}

export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: readonly ConsumedMessage[];
}

/** What a batch handler may do while it works through a batch. */
export interface BatchControls {
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the partition was revoked: stop and return. */
  isActive(): boolean;
  /** Commits `offset` + 1 for the batch's partition, i.e. marks `offset` as done. */
  commit(offset: string): Promise<void>;
}

export interface SubscriptionOptions {
  groupId: string;
  topics: readonly string[];
  onBatch(batch: ConsumedBatch, controls: BatchControls): Promise<void>;
}

/** Port for consuming with manual offset commits; implemented by KafkaConsumerAdapter. */
export interface MessageSource {
  start(options: SubscriptionOptions): Promise<void>;
  /** Stops fetching, waits for the in-flight batch, then disconnects. */
  stop(): Promise<void>;
  isRunning(): boolean;
}
