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
import { WeeklySummaryJob, type WeeklySummarySettings } from './weekly-summary.job';
import { REPORT_FONT_PATH, WeeklyReportsController } from './weekly-reports.controller';

const SETTINGS = Symbol('WEEKLY_SUMMARY_SETTINGS');

export interface WeeklySummaryModuleSettings extends WeeklySummarySettings {
  readonly pollMs: number;
  readonly fontPath: string;
}

/** Runs the weekly-summary job every `pollMs` once the service listens; the round in flight ends on stop. */
@Injectable()
class WeeklySummaryLoop implements OnModuleInit, OnModuleDestroy {
  private readonly job: WeeklySummaryJob;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    dataSource: DataSource,
    outbox: Outbox,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SETTINGS) private readonly settings: WeeklySummaryModuleSettings,
  ) {
    this.job = new WeeklySummaryJob(dataSource, outbox, settings);
  }

  onModuleInit(): void {
    this.lifecycle.onListening('weekly-summary', () => {
      this.schedule(0);
      return Promise.resolve();
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.job
        .runOnce(new Date())
        .then((produced) => {
          if (produced > 0) this.logger.info({ produced }, 'weekly summaries produced');
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'weekly summary round failed; next round retries'))
        .finally(() => this.schedule(this.settings.pollMs));
    }, delayMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }
}

@Module({})
export class WeeklySummaryModule {
  static forSettings(settings: WeeklySummaryModuleSettings): DynamicModule {
    return {
      module: WeeklySummaryModule,
      controllers: [WeeklyReportsController],
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: REPORT_FONT_PATH, useValue: settings.fontPath },
        WeeklySummaryLoop,
      ],
    };
  }
}
