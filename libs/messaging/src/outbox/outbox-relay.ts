import { type DataSource } from 'typeorm';
import { describeError, stderrLogger, type MessagingLogger } from '../core/messaging-logger';
import { isMessagingError } from '../core/messaging.errors';
import { messagingTables, type MessagingTables } from '../core/sql-identifiers';
import { WakeSignal, exponentialBackoff } from '../core/wake-signal';
import { type EventPublisher, type OutgoingMessage } from '../kafka/message-transport.port';
import { OutboxListener } from './outbox-listener';
import { RELAY_DEFAULTS, type OutboxRelayOptions } from './outbox-relay.options';

interface PendingRow {
  id: string;
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  payload: string;
  age_ms: number;
}

/**
 * Publishes committed outbox rows to Kafka, oldest first. Each batch runs in one transaction that
 * first takes a transaction-scoped advisory lock, so with several replicas exactly one publishes
 * at a time and per-key order is kept; rows are selected FOR UPDATE SKIP LOCKED as a second guard.
 * Rows are marked published only after Kafka acknowledged them: a crash in between republishes
 * (at-least-once; consumers dedupe through the inbox), never loses.
 */
export class OutboxRelay {
  private readonly tables: MessagingTables;
  private readonly settings: Required<Omit<OutboxRelayOptions, 'metrics'>>;
  private readonly signal = new WakeSignal();
  private readonly listener: OutboxListener;
  private loop: Promise<void> | undefined;
  private running = false;
  private lastPurgeAt = 0;
  private consecutiveFailures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions,
    private readonly logger: MessagingLogger = stderrLogger,
  ) {
    this.tables = messagingTables(options.schema);
    this.settings = { ...RELAY_DEFAULTS, ...stripUndefined(options) } as Required<Omit<OutboxRelayOptions, 'metrics'>>;
    this.listener = new OutboxListener(dataSource, this.tables.channel, () => this.signal.wake(), logger);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listener.start();
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops; rows not yet published stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.signal.wake();
    await this.loop;
    await this.listener.stop();
  }

  isRunning(): boolean {
    return this.running;
  }

  /** True while the last publish attempt failed (broker down): surfaced by readiness checks. */
  isDegraded(): boolean {
    return this.consecutiveFailures > 0;
  }

  /** Publishes at most one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    let rows: PendingRow[] = [];
    try {
      await queryRunner.startTransaction();
      const [{ locked }] = (await queryRunner.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        this.tables.relayLockKey,
      ])) as { locked: boolean }[];
      if (!locked) {
        await queryRunner.rollbackTransaction();
        return 0;
      }
      rows = (await queryRunner.query(
        `SELECT id, topic, key, headers, payload::text AS payload,
                (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 AS age_ms
           FROM ${this.tables.outbox}
          WHERE published_at IS NULL
          ORDER BY seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      )) as PendingRow[];
      if (rows.length === 0) {
        await queryRunner.commitTransaction();
        return 0;
      }
      await this.publisher.send(rows.map(toMessage));
      // Losing this commit in a database crash only republishes the batch (consumers dedupe), so
      // the relay need not wait for the WAL flush; the caller's enqueue stays fully durable.
      await queryRunner.query(`SET LOCAL synchronous_commit = off`);
      const ids = rows.map((row) => row.id);
      // With no retention window a published row has no further use: deleting it costs less than
      // rewriting it as published and purging it later.
      await queryRunner.query(
        this.settings.retentionMs === 0
          ? `DELETE FROM ${this.tables.outbox} WHERE id = ANY($1::uuid[])`
          : `UPDATE ${this.tables.outbox}
                SET published_at = now(), attempts = attempts + 1, last_error = NULL
              WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await queryRunner.commitTransaction();
      this.options.metrics?.published?.(rows.length, rows[0].age_ms);
      return rows.length;
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      if (rows.length > 0) await this.recordFailure(rows, error);
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  /** Deletes published rows older than the retention window, a bounded batch at a time. */
  async purgePublished(): Promise<number> {
    let total = 0;
    for (;;) {
      const result = (await this.dataSource.query(
        `DELETE FROM ${this.tables.outbox}
          WHERE id IN (SELECT id FROM ${this.tables.outbox}
                        WHERE published_at < now() - make_interval(secs => $1::float8 / 1000)
                        ORDER BY published_at
                        LIMIT $2)`,
        [this.settings.retentionMs, this.settings.purgeBatchSize],
      )) as [unknown[], number];
      const deleted = result[1];
      total += deleted;
      if (deleted < this.settings.purgeBatchSize) break;
    }
    if (total > 0) this.options.metrics?.purged?.(total);
    return total;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const published = await this.publishBatch();
        if (this.consecutiveFailures > 0) this.logger.info('outbox relay recovered', { schema: this.tables.schema });
        this.consecutiveFailures = 0;
        await this.purgeIfDue();
        // A full batch means more are probably waiting: go again at once.
        if (published < this.settings.batchSize) await this.signal.wait(this.settings.pollIntervalMs);
      } catch (error) {
        this.consecutiveFailures++;
        const delay = exponentialBackoff(
          this.consecutiveFailures,
          this.settings.backoffInitialMs,
          this.settings.backoffMaxMs,
        );
        this.logger.warn('outbox relay batch failed; backing off', {
          schema: this.tables.schema,
          delayMs: delay,
          failures: this.consecutiveFailures,
          ...describeError(error),
        });
        await sleepUnlessStopped(delay, () => this.running);
      }
    }
  }

  private async purgeIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurgeAt < this.settings.purgeIntervalMs) return;
    this.lastPurgeAt = now;
    await this.purgePublished();
  }

  private async recordFailure(rows: readonly PendingRow[], error: unknown): Promise<void> {
    this.options.metrics?.publishFailed?.(rows.length);
    const reason = isMessagingError(error) ? error.code : describeError(error).errorName;
    await this.dataSource
      .query(`UPDATE ${this.tables.outbox} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
        reason,
      ])
      .catch(() => undefined);
  }
}

function toMessage(row: PendingRow): OutgoingMessage {
  return { topic: row.topic, key: row.key, value: row.payload, headers: row.headers };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function sleepUnlessStopped(ms: number, running: () => boolean): Promise<void> {
  const step = 100;
  for (let waited = 0; waited < ms && running(); waited += step) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(step, ms - waited)));
  }
}
