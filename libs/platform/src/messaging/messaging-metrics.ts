import type { ConsumerRunnerMetrics, OutboxRelayMetrics } from '@revisit/messaging';
import { Counter, Histogram, type Registry } from 'prom-client';

export interface MessagingMetrics {
  readonly consumer: ConsumerRunnerMetrics;
  readonly relay: OutboxRelayMetrics;
}

/** Prometheus series for the outbox relay and the consumer runner, in the service's registry. */
export function createMessagingMetrics(registry: Registry): MessagingMetrics {
  const registers = [registry];
  const handled = new Counter({
    name: 'messaging_events_handled_total',
    help: 'Events handled and committed, by topic',
    labelNames: ['topic'],
    registers,
  });
  const duplicates = new Counter({
    name: 'messaging_events_duplicate_total',
    help: 'Events skipped because the inbox had already recorded them, by topic',
    labelNames: ['topic'],
    registers,
  });
  const retried = new Counter({
    name: 'messaging_events_retried_total',
    help: 'Events sent to the retry topic, by topic and error code',
    labelNames: ['topic', 'error_code'],
    registers,
  });
  const deadLettered = new Counter({
    name: 'messaging_events_dead_lettered_total',
    help: 'Events sent to the dead-letter topic, by topic and error code',
    labelNames: ['topic', 'error_code'],
    registers,
  });
  const published = new Counter({
    name: 'outbox_events_published_total',
    help: 'Outbox rows published to Kafka',
    registers,
  });
  const publishFailed = new Counter({
    name: 'outbox_publish_failures_total',
    help: 'Outbox rows whose publication failed (retried later)',
    registers,
  });
  const purged = new Counter({
    name: 'outbox_rows_purged_total',
    help: 'Published outbox rows removed after the retention period',
    registers,
  });
  const lag = new Histogram({
    name: 'outbox_publish_lag_seconds',
    help: 'Age of the oldest row of each published batch: commit-to-Kafka latency',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  return {
    consumer: {
      handled: (topic, count) => handled.inc({ topic }, count),
      duplicatesSkipped: (topic, count) => duplicates.inc({ topic }, count),
      retried: (topic, errorCode) => retried.inc({ topic, error_code: errorCode }),
      deadLettered: (topic, errorCode) => deadLettered.inc({ topic, error_code: errorCode }),
    },
    relay: {
      published: (count, oldestAgeMs) => {
        published.inc(count);
        lag.observe(oldestAgeMs / 1000);
      },
      publishFailed: (count) => publishFailed.inc(count),
      purged: (count) => purged.inc(count),
    },
  };
}
