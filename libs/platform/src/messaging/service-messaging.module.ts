import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { EVENT_CATALOGUE, type EventProducer, type EventType } from '@revisit/domain';
import {
  type EventCatalogue,
  type MessagingLogger,
  MessagingModule,
  MessagingRuntime,
  SchemaCatalogue,
} from '@revisit/messaging';
import type { Logger } from '@revisit/observability';
import { ServiceLifecycle } from '../bootstrap/service-lifecycle';
import { parseBrokerList } from '../config/formats';
import { ReadinessRegistry } from '../health/readiness-registry';
import type { MetricsRegistry } from '../metrics/metrics-registry';
import { SERVICE_LOGGER } from '../platform.tokens';
import { createMessagingMetrics } from './messaging-metrics';

export interface ServiceMessagingOptions {
  readonly app: EventProducer;
  readonly schema: string;
  readonly kafkaBrokers: string;
  /** Event types this app handles; each needs exactly one `@EventHandler` provider or the boot fails. */
  readonly subscriptions: readonly EventType[];
  /** Defaults to the domain catalogue; tests may narrow it. */
  readonly catalogue?: EventCatalogue;
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
}

/** Hooks the messaging runtime into the service: readiness checks, and a start after the app listens. */
@Injectable()
class MessagingWiring implements OnModuleInit {
  constructor(
    private readonly runtime: MessagingRuntime,
    private readonly readiness: ReadinessRegistry,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.readiness.register('kafka', () => this.runtime.readiness.kafkaReady(), { timeoutMs: 3000 });
    this.readiness.register('consumers', () => this.runtime.readiness.consumersRunning());
    this.lifecycle.onListening('messaging', () => this.startWithRetries());
  }

  /**
   * Kafka answers some requests with retriable errors for a moment after topics are created (several
   * services creating topics at once hit "This server does not host this topic-partition"). Those are
   * retried from a clean state; anything else fails the boot.
   */
  private async startWithRetries(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.runtime.start();
        return;
      } catch (error) {
        if (attempt >= START_ATTEMPTS || !isRetriable(error)) throw error;
        this.logger.warn({ err: error, attempt }, 'messaging start failed with a retriable error, retrying');
        await this.runtime.stop().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  }
}

const START_ATTEMPTS = 5;

function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/**
 * The app's outbox relay and consumer runner (`MessagingModule`), started once the HTTP server listens and
 * stopped by Nest's shutdown hooks (in-flight batch committed) before the database pool closes.
 */
@Module({})
export class ServiceMessagingModule {
  static forService(options: ServiceMessagingOptions): DynamicModule {
    const metrics = createMessagingMetrics(options.metrics.registry);
    return {
      module: ServiceMessagingModule,
      imports: [
        MessagingModule.forRoot({
          app: options.app,
          schema: options.schema,
          groupId: options.app,
          brokers: parseBrokerList(options.kafkaBrokers),
          subscriptions: options.subscriptions,
          // Topics of the events this app produces are created at start, so consumers never wait for them.
          publishes: Object.values(EVENT_CATALOGUE)
            .filter((entry) => entry.producer === options.app)
            .map((entry) => entry.type),
          catalogue: options.catalogue ?? new SchemaCatalogue(Object.values(EVENT_CATALOGUE)),
          logger: messagingLogger(options.logger),
          relay: { metrics: metrics.relay },
          consumer: { metrics: metrics.consumer },
          autoStart: false,
        }),
      ],
      providers: [MessagingWiring],
    };
  }
}

function messagingLogger(logger: Logger): MessagingLogger {
  const child = logger.child({ context: 'messaging' });
  return {
    info: (message, fields) => child.info(fields ?? {}, message),
    warn: (message, fields) => child.warn(fields ?? {}, message),
    error: (message, fields) => child.error(fields ?? {}, message),
  };
}
