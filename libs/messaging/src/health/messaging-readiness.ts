import { type Admin, type Kafka } from 'kafkajs';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';

interface RunningPart {
  isRunning(): boolean;
}

interface RelayPart {
  isDegraded(): boolean;
}

/**
 * Readiness checks in the platform's shape (resolve = up, reject = down with a reason), for the
 * health registry of each app: `registry.register('kafka', () => readiness.kafkaReady())`.
 */
export class MessagingReadiness {
  private admin: Admin | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly consumers: readonly RunningPart[],
    private readonly relays: readonly RelayPart[] = [],
  ) {}

  /** The cluster answers a metadata request. */
  async kafkaReady(): Promise<void> {
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      await this.admin.describeCluster();
    } catch (error) {
      const admin = this.admin;
      this.admin = undefined;
      await admin?.disconnect().catch(() => undefined);
      throw new MessagingError(MessagingErrorCode.NotConnected, 'Kafka cluster is not reachable', { cause: error });
    }
  }

  /** Every consumer group of the app is running (not crashed, not stopped). */
  consumersRunning(): Promise<void> {
    if (this.consumers.every((consumer) => consumer.isRunning())) return Promise.resolve();
    return Promise.reject(new MessagingError(MessagingErrorCode.NotConnected, 'a Kafka consumer is not running'));
  }

  /** The outbox relay's last publish succeeded (it keeps retrying with backoff while this fails). */
  outboxRelaying(): Promise<void> {
    if (this.relays.every((relay) => !relay.isDegraded())) return Promise.resolve();
    return Promise.reject(
      new MessagingError(MessagingErrorCode.PublishFailed, 'the outbox relay cannot publish; events are held'),
    );
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }
}
