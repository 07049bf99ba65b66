import { type DataSource, type EntityManager } from 'typeorm';
import { type EventCatalogue } from '../core/event-catalogue.port';
import { runInMessageContext } from '../core/message-context';
import { describeError, stderrLogger, type MessagingLogger } from '../core/messaging-logger';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { RETRY_SUFFIX, retryTopicOf } from '../core/topics';
import { Inbox } from '../inbox/inbox';
import {
  type BatchControls,
  type ConsumedBatch,
  type EventPublisher,
  type MessageSource,
} from '../kafka/message-transport.port';
import { type HandlerRegistry } from '../registry/handler-registry';
import { type ConsumerRunnerOptions } from './consumer-runner.options';
import { attemptsOf, hopsOf, notBeforeOf, toDeadLetter, toRetryMessage } from './failure-messages';
import { decodeMessage, type DecodedMessage } from './message-decoder';
import { DEFAULT_RETRY_POLICY, inProcessDelay, isRetryable, routeFailure, type RetryPolicy } from './retry-policy';

type Valid = Extract<DecodedMessage, { ok: true }>;

const HEARTBEAT_EVERY = 200;

/** Why a message was left unfinished: the consumer is stopping; it will be redelivered. */
class Interrupted extends Error {}

/**
 * Drives one consumer group. Fast path: a whole Kafka batch in one database transaction (batch
 * inbox insert, then each new event's handler), offset committed after the commit. If any handler
 * throws, the batch is rolled back and redone message by message, each in its own transaction with
 * bounded in-process retries; a message that still fails moves to `<topic>.retry` or `<topic>.dlq`
 * so it never blocks its partition.
 */
export class ConsumerRunner {
  private readonly inbox: Inbox;
  private readonly policy: RetryPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly source: MessageSource,
    private readonly publisher: EventPublisher,
    private readonly catalogue: EventCatalogue,
    private readonly registry: HandlerRegistry,
    private readonly options: ConsumerRunnerOptions,
    private readonly logger: MessagingLogger = stderrLogger,
  ) {
    this.inbox = new Inbox(options.schema, options.groupId);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** The topics consumed: each subscribed event's topic and its retry topic. */
  topics(): string[] {
    return this.options.subscriptions.flatMap((type) => {
      const topic = this.catalogue.topicOf(type);
      if (!topic) throw new MessagingError(MessagingErrorCode.UnknownEventType, `subscribed type ${type} is unknown`);
      return [topic, retryTopicOf(topic)];
    });
  }

  /** Every subscribed type is in the catalogue and has exactly one handler; throws otherwise. */
  validate(): void {
    this.registry.assertComplete(this.options.subscriptions);
    this.topics();
  }

  async start(): Promise<void> {
    this.validate();
    await this.source.start({
      groupId: this.options.groupId,
      topics: this.topics(),
      onBatch: (batch, controls) => this.onBatch(batch, controls),
    });
  }

  stop(): Promise<void> {
    return this.source.stop();
  }

  isRunning(): boolean {
    return this.source.isRunning();
  }

  private async onBatch(batch: ConsumedBatch, controls: BatchControls): Promise<void> {
    if (batch.messages.length === 0) return;
    try {
      const decoded = batch.messages.map((message) => decodeMessage(message, this.catalogue, this.registry));
      const isRetryTopic = batch.topic.endsWith(RETRY_SUFFIX);
      if (!isRetryTopic && decoded.every((d): d is Valid => d.ok) && (await this.tryBatch(decoded, controls))) {
        await controls.commit(batch.messages[batch.messages.length - 1].offset);
        return;
      }
      for (const item of decoded) {
        if (!controls.isActive()) return;
        if (isRetryTopic) await this.waitUntil(notBeforeOf(item.message), controls);
        await this.processOne(item, controls);
        await controls.commit(item.message.offset);
        await controls.heartbeat();
      }
    } catch (error) {
      if (error instanceof Interrupted) return;
      throw error;
    }
  }

  /** The fast path; false when a handler failed and the batch must be redone message by message. */
  private async tryBatch(items: readonly Valid[], controls: BatchControls): Promise<boolean> {
    let handled = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        const fresh = await this.inbox.claim(
          manager,
          items.map((item) => ({ eventId: item.envelope.id, type: item.envelope.type })),
        );
        for (const item of items) {
          // Claimed ids are consumed once so the same id twice in one batch runs once.
          if (!fresh.delete(item.envelope.id)) continue;
          await this.invoke(item, manager, 1);
          // Long batches must not outlive the group session.
          if (++handled % HEARTBEAT_EVERY === 0) await controls.heartbeat();
        }
      });
    } catch (error) {
      this.logger.warn('batch failed; retrying its messages one by one', {
        group: this.options.groupId,
        topic: items[0].message.topic,
        ...describeError(error),
      });
      return false;
    }
    this.options.metrics?.handled?.(items[0].message.topic, handled);
    if (handled < items.length)
      this.options.metrics?.duplicatesSkipped?.(items[0].message.topic, items.length - handled);
    return true;
  }

  private async processOne(item: DecodedMessage, controls: BatchControls): Promise<void> {
    if (!item.ok) return this.routeFailed(item, item.error, attemptsOf(item.message));
    const previous = attemptsOf(item.message);
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.policy.inProcessAttempts; attempt++) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const fresh = await this.inbox.claim(manager, [{ eventId: item.envelope.id, type: item.envelope.type }]);
          if (fresh.size === 0) return;
          await this.invoke(item, manager, previous + attempt);
        });
        this.options.metrics?.handled?.(item.message.topic, 1);
        return;
      } catch (error) {
        lastError = error;
        if (!isRetryable(error) || attempt === this.policy.inProcessAttempts) break;
        await this.pause(inProcessDelay(this.policy, attempt), controls);
      }
    }
    await this.routeFailed(item, lastError, previous + this.policy.inProcessAttempts);
  }

  private invoke(item: Valid, manager: EntityManager, attempt: number): Promise<void> {
    const { message, envelope } = item;
    return runInMessageContext(
      message.headers,
      envelope.id,
      () =>
        item.handler(envelope, {
          manager,
          delivery: { topic: message.topic, partition: message.partition, offset: message.offset, attempt },
        }),
      message.topic,
    );
  }

  private async routeFailed(item: DecodedMessage, error: unknown, attempts: number): Promise<void> {
    const failedAt = new Date();
    const info = { error, groupId: this.options.groupId, attempts, failedAt };
    const route = routeFailure(this.policy, error, hopsOf(item.message), failedAt);
    const code = error instanceof MessagingError ? error.code : MessagingErrorCode.HandlerFailed;
    const fields = {
      group: this.options.groupId,
      topic: item.message.topic,
      partition: item.message.partition,
      offset: item.message.offset,
      code,
      attempts,
    };
    if (route.to === 'retry') {
      await this.publisher.send([toRetryMessage(item.message, info, route.hop, route.notBefore)]);
      this.options.metrics?.retried?.(item.message.topic, code);
      this.logger.warn('message moved to retry topic', { ...fields, notBefore: route.notBefore.toISOString() });
    } else {
      await this.publisher.send([toDeadLetter(item.message, info)]);
      this.options.metrics?.deadLettered?.(item.message.topic, code);
      this.logger.error('message dead-lettered', fields);
    }
  }

  /** Sleeps in short steps, heartbeating, and gives up as soon as the consumer stops. */
  private async pause(ms: number, controls: BatchControls): Promise<void> {
    await this.waitUntil(Date.now() + ms, controls);
  }

  private async waitUntil(time: number, controls: BatchControls): Promise<void> {
    while (Date.now() < time) {
      if (!controls.isActive()) throw new Interrupted();
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, time - Date.now())));
      await controls.heartbeat();
    }
  }
}
