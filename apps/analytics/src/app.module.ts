import { type DynamicModule, Module } from '@nestjs/common';
import type { EventType } from '@revisit/domain';
import { PersistenceModule, RedisModule } from '@revisit/persistence';
import { type ServiceContext, ServiceMessagingModule } from '@revisit/platform';
import type { AnalyticsConfig } from './config/analytics.config';
import { ANALYTICS_MIGRATIONS } from './database/migrations';
import { ANALYTICS_SCHEMA } from './database/analytics-schema';
import { READ_MODEL_SUBSCRIPTIONS } from './read-models/read-model.consumer';
import { ReadModelsModule } from './read-models/read-models.module';
import { DashboardModule } from './http/dashboard.module';
import { DEFAULT_REPORT_FONT } from './weekly-summary/weekly-report-pdf';
import { WeeklySummaryModule } from './weekly-summary/weekly-summary.module';

/**
 * Event types the analytics service consumes. Each needs exactly one `@EventHandler` provider in an imported
 * feature module, or the boot fails: add a type here together with the module that handles it.
 */
export const ANALYTICS_SUBSCRIPTIONS: readonly EventType[] = [...READ_MODEL_SUBSCRIPTIONS];

@Module({})
export class AppModule {
  static forConfig(config: AnalyticsConfig, context: ServiceContext): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forApp({ schema: ANALYTICS_SCHEMA, migrations: ANALYTICS_MIGRATIONS }),
        RedisModule.forRoot(),
        ServiceMessagingModule.forService({
          app: 'analytics',
          schema: ANALYTICS_SCHEMA,
          kafkaBrokers: config.KAFKA_BROKERS,
          subscriptions: ANALYTICS_SUBSCRIPTIONS,
          logger: context.logger,
          metrics: context.metrics,
        }),
        ReadModelsModule.forZone(config.ORG_TIMEZONE),
        DashboardModule.forSettings({
          zone: config.ORG_TIMEZONE,
          ...(config.AUTH_ISSUER === undefined
            ? {}
            : {
                auth: {
                  issuer: config.AUTH_ISSUER,
                  audience: config.AUTH_AUDIENCE,
                  ...(config.AUTH_JWKS_URL === undefined ? {} : { jwksUrl: config.AUTH_JWKS_URL }),
                },
              }),
        }),
        WeeklySummaryModule.forSettings({
          zone: config.ORG_TIMEZONE,
          runAt: config.WEEKLY_SUMMARY_AT,
          pollMs: config.WEEKLY_SUMMARY_POLL_MS,
          fontPath: config.REPORT_FONT_PATH ?? DEFAULT_REPORT_FONT,
        }),
      ],
    };
  }
}
