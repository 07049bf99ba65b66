import { type Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { type EventCatalogue } from './core/event-catalogue.port';
import { describeError, stderrLogger, type MessagingLogger } from './core/messaging-logger';
import { Inbox } from './inbox/inbox';
import { dlqTopicOf, retryTopicOf } from './core/topics';
import { ConsumerRunner } from './consumer/consumer-runner';
import { type ConsumerRunnerOptions } from './consumer/consumer-runner.options';
import { MessagingReadiness } from './health/messaging-readiness';
import { createKafkaClient } from './kafka/kafka-client';
import { KafkaConsumerAdapter, type KafkaConsumerOptions } from './kafka/kafka-consumer.adapter';
import { KafkaProducerAdapter } from './kafka/kafka-producer.adapter';
import { ensureTopics, type TopicSpec } from './kafka/topic-provisioner';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { type OutboxRelayOptions } from './outbox/outbox-relay.options';
import { type HandlerRegistry } from './registry/handler-registry';

export interface MessagingRuntimeOptions {
  /** Service name: Kafka client id and event `source`. */
  app: string;
  schema: string;
  groupId: string;
  brokers: readonly string[];
  subscriptions: readonly string[];
  /** Event types the app publishes: their topics are created at start. */
  publishes?: readonly string[];
  relay?: Omit<OutboxRelayOptions, 'schema'>;
  consumer?: KafkaConsumerOptions & Pick<ConsumerRunnerOptions, 'retry' | 'metrics'>;
  /** Set false for an app that only publishes (no consumer group). */
  consume?: boolean;
  /** How long inbox rows are kept; default 30 days. */
  inboxRetentionMs?: number;
  logger?: MessagingLogger;
}

const DEFAULT_INBOX_RETENTION_MS = 30 * 24 * 3600 * 1000;
const INBOX_PURGE_INTERVAL_MS = 3600 * 1000;

/**
 * The whole messaging stack of one app, framework-agnostic: outbox + relay (publish side) and the
 * consumer runner (consume side). Start order: topics, producer, relay, consumers; stop in reverse.
 */
export class MessagingRuntime {
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  readonly runner: ConsumerRunner;
  readonly readiness: MessagingReadiness;
  private readonly kafka: Kafka;
  private readonly producer: KafkaProducerAdapter;
  private readonly source: KafkaConsumerAdapter;
  private readonly inbox: Inbox;
  private inboxPurgeTimer: NodeJS.Timeout | undefined;

  private readonly logger: MessagingLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: EventCatalogue,
    registry: HandlerRegistry,
    private readonly options: MessagingRuntimeOptions,
  ) {
    const logger = options.logger ?? stderrLogger;
    this.logger = logger;
    this.kafka = createKafkaClient({ clientId: options.app, brokers: options.brokers, logger });
    this.producer = new KafkaProducerAdapter(this.kafka);
    this.source = new KafkaConsumerAdapter(this.kafka, options.consumer);
    this.outbox = new Outbox(options.schema, catalogue);
    this.relay = new OutboxRelay(dataSource, this.producer, { ...options.relay, schema: options.schema }, logger);
    this.runner = new ConsumerRunner(
      dataSource,
      this.source,
      this.producer,
      catalogue,
      registry,
      {
        groupId: options.groupId,
        schema: options.schema,
        subscriptions: options.subscriptions,
        retry: options.consumer?.retry,
        metrics: options.consumer?.metrics,
      },
      logger,
    );
    this.readiness = new MessagingReadiness(this.kafka, this.consumes() ? [this.runner] : [], [this.relay]);
    this.inbox = new Inbox(options.schema, options.groupId);
  }

  /** Checks the handler registry before any connection is opened, so a bad boot fails fast. */
  validate(): void {
    if (this.consumes()) this.runner.validate();
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, this.topicSpecs());
    await this.producer.connect();
    await this.relay.start();
    if (this.consumes()) {
      await this.runner.start();
      this.scheduleInboxPurge();
    }
  }

  /** Stops fetching, lets the in-flight batch commit, stops the relay, disconnects. */
  async stop(): Promise<void> {
    clearInterval(this.inboxPurgeTimer);
    if (this.consumes()) await this.runner.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.readiness.close();
  }

  /**
   * Inbox rows only need to outlive possible redeliveries (offset resets, redrives); past the
   * retention window (default 30 days) they are deleted in bounded batches, hourly.
   */
  private scheduleInboxPurge(): void {
    const retentionMs = this.options.inboxRetentionMs ?? DEFAULT_INBOX_RETENTION_MS;
    this.inboxPurgeTimer = setInterval(() => {
      void this.inbox.purgeOlderThan(this.dataSource.manager, retentionMs).catch((error: unknown) => {
        this.logger.warn('inbox purge failed', describeError(error));
      });
    }, INBOX_PURGE_INTERVAL_MS);
    this.inboxPurgeTimer.unref();
  }

  private consumes(): boolean {
    return this.options.consume !== false && this.options.subscriptions.length > 0;
  }

  private topicSpecs(): TopicSpec[] {
    const types = new Set([...this.options.subscriptions, ...(this.options.publishes ?? [])]);
    return [...types].flatMap((type) => {
      const topic = this.catalogue.topicOf(type);
      if (!topic) return [];
      const partitions = this.catalogue.partitionsOf(type);
      return [
        { topic, partitions },
        { topic: retryTopicOf(topic), partitions },
        { topic: dlqTopicOf(topic), partitions },
      ];
    });
  }
}
