import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Outbox } from '@revisit/messaging';
import type { Logger } from '@revisit/observability';
import { SERVICE_LOGGER, ServiceLifecycle } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { PatientEventsConsumer } from '../consumers/patient-events.consumer';
import { AssignDueTasks } from '../dispatch/assign-due-tasks';
import { DispatchDueTasks } from '../dispatch/dispatch-due-tasks';
import { TaskDispatcher } from '../dispatch/task-dispatcher';
import { TasksController } from '../http/tasks.controller';
import { PlansController } from '../plan-store/plans.controller';
import { PlanDocuments } from '../plan-store/plan-documents';
import { plansInForce } from '../plan-store/plans-in-force';
import { ActivatePlanVersion } from '../plan-store/use-cases/activate-plan-version';
import { loadBuiltinTemplates } from '../plans/builtin-templates';
import { RosterController } from '../roster/roster.controller';
import { RederivePatientTasks } from './use-cases/rederive-patient-tasks';

const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');

export interface DispatchSettings {
  readonly batchSize: number;
  readonly idleMs: number;
  readonly maxPerSecond: number;
}

/** Starts the dispatcher once the service listens and stops it (round in flight committed) on shutdown. */
@Injectable()
class DispatcherWiring implements OnModuleInit, OnModuleDestroy {
  private readonly dispatcher: TaskDispatcher;

  constructor(
    dataSource: DataSource,
    outbox: Outbox,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_LOGGER) logger: Logger,
    @Inject(DISPATCH_SETTINGS) settings: DispatchSettings,
  ) {
    const assignment = new AssignDueTasks(new PlanDocuments(loadBuiltinTemplates()));
    this.dispatcher = new TaskDispatcher(new DispatchDueTasks(dataSource, outbox, assignment), {
      ...settings,
      onError: (error) => logger.error({ err: error }, 'task dispatch round failed; next round retries'),
    });
  }

  onModuleInit(): void {
    this.lifecycle.onListening('dispatcher', () => {
      this.dispatcher.start();
      return Promise.resolve();
    });
  }

  // Runs before the messaging runtime stops and the pool closes, so the last round still commits.
  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.stop();
  }
}

/** Follow-up tasks: derivation from patient events, the due-task dispatcher, the task and plans APIs. */
@Module({})
export class TasksModule {
  static forSettings(settings: DispatchSettings): DynamicModule {
    return {
      module: TasksModule,
      controllers: [TasksController, PlansController, RosterController],
      providers: [
        { provide: DISPATCH_SETTINGS, useValue: settings },
        {
          provide: RederivePatientTasks,
          inject: [Outbox],
          // Built-in templates apply to every organisation unless it activated its own version of one.
          useFactory: (outbox: Outbox) => new RederivePatientTasks(plansInForce(loadBuiltinTemplates()), outbox),
        },
        {
          provide: ActivatePlanVersion,
          inject: [DataSource, RederivePatientTasks],
          useFactory: (dataSource: DataSource, rederive: RederivePatientTasks) =>
            new ActivatePlanVersion(dataSource, rederive),
        },
        PatientEventsConsumer,
        DispatcherWiring,
      ],
    };
  }
}
