import { type DynamicModule, Module } from '@nestjs/common';
import type { EventType } from '@revisit/domain';
import { PersistenceModule, RedisModule } from '@revisit/persistence';
import { type ServiceContext, ServiceMessagingModule } from '@revisit/platform';
import { AccessModule } from './access/access.module';
import type { SchedulerConfig } from './config/scheduler.config';
import { SCHEDULER_MIGRATIONS } from './database/migrations';
import { SCHEDULER_SCHEMA } from './database/scheduler-schema';
import { PATIENT_EVENT_SUBSCRIPTIONS } from './consumers/patient-events.consumer';
import { TasksModule } from './tasks/tasks.module';

/**
 * Event types the scheduler service consumes. Each needs exactly one `@EventHandler` provider in an imported
 * feature module, or the boot fails: add a type here together with the module that handles it.
 */
export const SCHEDULER_SUBSCRIPTIONS: readonly EventType[] = [...PATIENT_EVENT_SUBSCRIPTIONS];

@Module({})
export class AppModule {
  static forConfig(config: SchedulerConfig, context: ServiceContext): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forApp({ schema: SCHEDULER_SCHEMA, migrations: SCHEDULER_MIGRATIONS }),
        RedisModule.forRoot(),
        ServiceMessagingModule.forService({
          app: 'scheduler',
          schema: SCHEDULER_SCHEMA,
          kafkaBrokers: config.KAFKA_BROKERS,
          subscriptions: SCHEDULER_SUBSCRIPTIONS,
          logger: context.logger,
          metrics: context.metrics,
        }),
        AccessModule.forConfig(config),
        TasksModule.forSettings({
          batchSize: config.DISPATCH_BATCH_SIZE,
          idleMs: config.DISPATCH_INTERVAL_MS,
          maxPerSecond: config.DISPATCH_MAX_PER_SECOND,
        }),
      ],
    };
  }
}
