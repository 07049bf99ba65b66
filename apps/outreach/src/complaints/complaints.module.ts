import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Outbox } from '@revisit/messaging';
import { type Logger } from '@revisit/observability';
import { SERVICE_LOGGER, ServiceLifecycle } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { type OutreachConfig } from '../config/outreach.config';
import { PollingLoop } from '../escalation/polling-loop';
import { ComplaintCases } from './complaint-cases';
import { escalateOverdueCases } from './complaint-sla-timer';
import { ComplaintsController } from './complaints.controller';

const TIMER_INTERVAL_MS = Symbol('COMPLAINT_TIMER_INTERVAL_MS');

/** Runs the SLA timer once the service listens; stops it (round committed) on shutdown. */
@Injectable()
class ComplaintSlaTimer implements OnModuleInit, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    dataSource: DataSource,
    @Inject(TIMER_INTERVAL_MS) intervalMs: number,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop(
      () => escalateOverdueCases(dataSource, new Date(), 50),
      intervalMs,
      (error) => logger.error({ err: error }, 'complaint SLA round failed; next round retries'),
    );
  }

  onModuleInit(): void {
    this.lifecycle.onListening('complaint-sla-timer', () => {
      this.loop.start();
      return Promise.resolve();
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }
}

/** Complaints and other feedback: filing, routing, SLA escalation, resolution. */
@Module({})
export class ComplaintsModule {
  static forConfig(config: OutreachConfig): DynamicModule {
    return {
      module: ComplaintsModule,
      controllers: [ComplaintsController],
      providers: [
        { provide: TIMER_INTERVAL_MS, useValue: config.OUTREACH_TIMER_INTERVAL_MS },
        {
          provide: ComplaintCases,
          inject: [DataSource, Outbox],
          useFactory: (dataSource: DataSource, outbox: Outbox) => new ComplaintCases(dataSource, outbox),
        },
        ComplaintSlaTimer,
      ],
    };
  }
}
