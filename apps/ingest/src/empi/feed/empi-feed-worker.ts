import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type AnyEventEnvelope } from '@revisit/domain';
import { Outbox } from '@revisit/messaging';
import type { Logger } from '@revisit/observability';
import { MetricsRegistry, SERVICE_LOGGER, ServiceLifecycle } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { INGEST_SCHEMA } from '../../database/ingest-schema';
import { type NormalisedEvent } from '../../normalise/normalised-event';
import { LinkSourcePatient } from '../linking/link-source-patient';
import { EMPI_SETTINGS, type EmpiSettings } from '../empi.settings';
import { EmpiFeedMetrics } from './empi-feed-metrics';
import { linkStoredMessageIn, type MessageLinkOutcome } from './link-stored-message';

const S = `"${INGEST_SCHEMA}"`;
/** Attempts per message before it is set aside (marked failed with an error id) so later ones can flow. */
const MAX_ATTEMPTS = 3;
/** Longest wait between attempts while the database or a message keeps failing. */
const MAX_BACKOFF_MS = 5000;

/** Messages taken through per transaction while a backlog drains (one commit, one WAL flush for all). */
const BATCH_SIZE = 50;

/**
 * Drains stored, accepted feed messages through the EMPI into the outbox, oldest first, up to BATCH_SIZE
 * messages per transaction: the enterprise ids, audit rows, outbox rows and the messages' "processed" marks
 * commit together, so a crash at any point neither loses nor doubles an event. A transaction-scoped advisory
 * lock keeps replicas from working side by side, so messages leave in the order they were acknowledged.
 * When a batch fails, its messages are retried one per transaction, so a message that keeps failing is
 * found, counted and set aside without holding back the others.
 */
@Injectable()
export class EmpiFeedWorker implements OnModuleInit, BeforeApplicationShutdown {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly attempts = new Map<string, number>();
  /** Messages still to take one at a time after a failed batch. */
  private singlesLeft = 0;
  private readonly metrics: EmpiFeedMetrics;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly linker: LinkSourcePatient,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(EMPI_SETTINGS) private readonly settings: EmpiSettings,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    metrics: MetricsRegistry,
  ) {
    this.metrics = new EmpiFeedMetrics(metrics.registry);
  }

  onModuleInit(): void {
    this.lifecycle.onListening('empi-feed', () => {
      this.running = true;
      this.loop = this.run();
      return Promise.resolve();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (await this.processNext()) {
          failures = 0;
          continue;
        }
        failures = 0;
        await this.sampleBacklog();
      } catch (error) {
        failures++;
        this.logger.error({ err: error, failures }, 'empi feed stage failed; retrying');
        await this.sampleBacklog().catch(() => undefined);
      }
      const delay = failures === 0 ? this.settings.pollIntervalMs : Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async sampleBacklog(): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${S}.raw_message WHERE status = 'accepted' AND empi_processed_at IS NULL`,
    )) as { n: number }[];
    this.metrics.backlog.set(row?.n ?? 0);
  }

  private async processNext(): Promise<boolean> {
    const single = this.singlesLeft > 0;
    let taken: string[] = [];
    try {
      const processed = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('revisit-ingest-empi-feed'))`);
        // Each message's facts belong to its source's organisation (the service's ORG_ID when unset).
        const rows = (await manager.query(
          `SELECT r.id, r.normalised_events, s.org_id FROM ${S}.raw_message r
             LEFT JOIN ${S}.feed_source s ON s.id = r.source_id
            WHERE r.status = 'accepted' AND r.empi_processed_at IS NULL
            ORDER BY r.id LIMIT $1 FOR UPDATE OF r`,
          [single ? 1 : BATCH_SIZE],
        )) as { id: string; normalised_events: NormalisedEvent[] | null; org_id: string | null }[];
        taken = rows.map((r) => r.id);
        const outcomes: MessageLinkOutcome[] = [];
        for (const row of rows) {
          outcomes.push(
            await linkStoredMessageIn(
              manager,
              row.normalised_events ?? [],
              {
                linker: this.linker,
                enqueue: (m, envelopes: AnyEventEnvelope[]) => this.outbox.enqueueAll(m, envelopes),
              },
              { orgId: row.org_id ?? this.settings.orgId, now: new Date() },
            ),
          );
        }
        if (rows.length > 0) {
          await manager.query(
            `UPDATE ${S}.raw_message r SET empi_processed_at = now(), empi_outcome = o.outcome
               FROM unnest($1::uuid[], $2::jsonb[]) AS o(id, outcome) WHERE r.id = o.id`,
            [taken, outcomes.map((o) => JSON.stringify(o))],
          );
        }
        return outcomes;
      });
      for (const id of taken) this.attempts.delete(id);
      for (const outcome of processed) this.metrics.linked(outcome);
      if (single) this.singlesLeft--;
      return processed.length > 0;
    } catch (error) {
      if (taken.length === 0) throw error;
      if (!single) {
        this.singlesLeft = taken.length;
        throw error;
      }
      return this.countFailure(taken[0]!, error);
    }
  }

  /** Counts a failed attempt at one message; after MAX_ATTEMPTS it is set aside so later ones can flow. */
  private async countFailure(failedId: string, error: unknown): Promise<boolean> {
    const attempts = (this.attempts.get(failedId) ?? 0) + 1;
    this.attempts.set(failedId, attempts);
    if (attempts < MAX_ATTEMPTS) throw error;
    // Set aside with an error id: the bytes and events stay stored; operators re-run it after a fix by
    // clearing empi_processed_at.
    const errorId = uuidv7();
    this.logger.error({ err: error, errorId, rawMessageId: failedId }, 'empi feed stage gave up on a message');
    await this.dataSource.query(
      `UPDATE ${S}.raw_message SET empi_processed_at = now(), empi_outcome = $2::jsonb WHERE id = $1`,
      [failedId, JSON.stringify({ failed: errorId })],
    );
    this.attempts.delete(failedId);
    this.singlesLeft--;
    this.metrics.messages.inc({ outcome: 'set-aside' });
    return true;
  }
}
