import { type DynamicModule, Module } from '@nestjs/common';
import type { EventType } from '@revisit/domain';
import { PersistenceModule, RedisModule } from '@revisit/persistence';
import { type ServiceContext, ServiceMessagingModule } from '@revisit/platform';
import { feedEdgeOptions } from './config/feed-edge-options';
import type { IngestConfig } from './config/ingest.config';
import { INGEST_MIGRATIONS } from './database/migrations';
import { INGEST_SCHEMA } from './database/ingest-schema';
import { EmpiModule } from './empi/empi.module';
import { RawMessagesModule } from './raw-messages/raw-messages.module';

/**
 * Event types the ingest service consumes. Each needs exactly one `@EventHandler` provider in an imported
 * feature module, or the boot fails: add a type here together with the module that handles it.
 */
export const INGEST_SUBSCRIPTIONS: readonly EventType[] = [];

@Module({})
export class AppModule {
  static forConfig(config: IngestConfig, context: ServiceContext): DynamicModule {
    const feedEdge = feedEdgeOptions(config);
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forApp({ schema: INGEST_SCHEMA, migrations: INGEST_MIGRATIONS }),
        RedisModule.forRoot(),
        ServiceMessagingModule.forService({
          app: 'ingest',
          schema: INGEST_SCHEMA,
          kafkaBrokers: config.KAFKA_BROKERS,
          subscriptions: INGEST_SUBSCRIPTIONS,
          logger: context.logger,
          metrics: context.metrics,
        }),
        RawMessagesModule.forOptions(feedEdge),
        EmpiModule.forOptions({
          settings: { orgId: config.ORG_ID, pollIntervalMs: config.EMPI_POLL_INTERVAL_MS },
          // One staff token verifier (the outreach issuer) for quarantine and EMPI actions.
          staffAuthenticator: feedEdge.staffAuthenticator,
        }),
      ],
    };
  }
}
