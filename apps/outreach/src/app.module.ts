import { type DynamicModule, Module } from '@nestjs/common';
import type { EventType } from '@revisit/domain';
import { PersistenceModule, RedisModule } from '@revisit/persistence';
import { type ServiceContext, ServiceMessagingModule } from '@revisit/platform';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { AuthModule } from './auth/auth.module';
import { CallAuditModule } from './call-audit/call-audit.module';
import { ChannelsModule } from './channels/channels.module';
import { ComplaintsModule } from './complaints/complaints.module';
import type { OutreachConfig } from './config/outreach.config';
import { OUTREACH_MIGRATIONS } from './database/migrations';
import { OUTREACH_SCHEMA } from './database/outreach-schema';
import { EscalationModule } from './escalation/escalation.module';
import { CLINICAL_EVENT_SUBSCRIPTIONS } from './patients/clinical-history.consumer';
import { PATIENT_EVENT_SUBSCRIPTIONS } from './patients/patient-events.consumer';
import { PATIENT_IDENTITY_SUBSCRIPTIONS } from './patients/patient-identity.consumer';
import { PatientsModule } from './patients/patients.module';
import { TASK_EVENT_SUBSCRIPTIONS } from './tasks/task-events.consumer';
import { TasksModule } from './tasks/tasks.module';
import { WorkloadModule } from './workload/workload.module';
import { WorklistModule } from './worklist/worklist.module';

/**
 * Event types the outreach service consumes. Each needs exactly one `@EventHandler` provider in an imported
 * feature module, or the boot fails: add a type here together with the module that handles it.
 */
export const OUTREACH_SUBSCRIPTIONS: readonly EventType[] = [
  ...TASK_EVENT_SUBSCRIPTIONS,
  ...PATIENT_EVENT_SUBSCRIPTIONS,
  ...PATIENT_IDENTITY_SUBSCRIPTIONS,
  ...CLINICAL_EVENT_SUBSCRIPTIONS,
];

@Module({})
export class AppModule {
  static forConfig(config: OutreachConfig, context: ServiceContext): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forApp({ schema: OUTREACH_SCHEMA, migrations: OUTREACH_MIGRATIONS }),
        RedisModule.forRoot(),
        ServiceMessagingModule.forService({
          app: 'outreach',
          schema: OUTREACH_SCHEMA,
          kafkaBrokers: config.KAFKA_BROKERS,
          subscriptions: OUTREACH_SUBSCRIPTIONS,
          logger: context.logger,
          metrics: context.metrics,
        }),
        AuthModule.forConfig(config),
        TasksModule,
        EscalationModule.forConfig(config),
        WorklistModule,
        PatientsModule,
        ChannelsModule.forConfig(config),
        ComplaintsModule.forConfig(config),
        CallAuditModule,
        WorkloadModule,
        ApiDocsModule,
      ],
    };
  }
}
