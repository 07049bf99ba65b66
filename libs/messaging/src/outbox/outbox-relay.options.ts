export interface OutboxRelayMetrics {
  /** A batch was acknowledged by Kafka; `oldestAgeMs` is how long its oldest row waited. */
  published?(count: number, oldestAgeMs: number): void;
  publishFailed?(count: number): void;
  purged?(count: number): void;
}

export interface OutboxRelayOptions {
  schema: string;
  /** Rows per transaction and per Kafka sendBatch. */
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (lost connection, notifications from psql...). */
  pollIntervalMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Published rows are kept this long for audit and replay, then purged in batches; 0 deletes on publish. */
  retentionMs?: number;
  purgeBatchSize?: number;
  purgeIntervalMs?: number;
  metrics?: OutboxRelayMetrics;
}

export const RELAY_DEFAULTS = {
  batchSize: 1000,
  pollIntervalMs: 1000,
  backoffInitialMs: 200,
  backoffMaxMs: 10_000,
  retentionMs: 7 * 24 * 3600 * 1000,
  purgeBatchSize: 5000,
  purgeIntervalMs: 60_000,
} as const;
