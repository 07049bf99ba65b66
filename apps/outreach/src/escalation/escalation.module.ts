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
import { HttpVoiceRobotChannel } from '../channels/robot/http-voice-robot.channel';
import { type SmsChannel } from '../channels/sms';
import { type OutreachConfig } from '../config/outreach.config';
import { type ContactRuleSettings } from '../contact/contact-rules';
import { WorkTask } from '../worklist/work-task';
import { AutomatedSends } from './automated-sends';
import { CONTACT_RULES, ESCALATION_CONTEXT, SMS_CHANNEL, WORK_TASK } from './escalation.tokens';
import { nextCallSlot } from './next-call-slot';
import { PollingLoop } from './polling-loop';
import { RobotSubmissions } from './robot-submissions';
import { smsChannelOf } from './sms-channel-of';
import { type EscalationContext } from './record-attempt';
import { TCM_PHONE_RULES } from './tcm-phone-policy';

const SETTINGS = Symbol('ESCALATION_SETTINGS');

/** Starts the durable-timer loop once the service listens; stops it (round committed) on shutdown. */
@Injectable()
class AutomatedSendsWiring implements OnModuleInit, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    dataSource: DataSource,
    @Inject(ESCALATION_CONTEXT) escalation: EscalationContext,
    @Inject(CONTACT_RULES) rules: ContactRuleSettings,
    @Inject(SETTINGS) config: OutreachConfig,
    @Inject(SMS_CHANNEL) sms: SmsChannel | null,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    const sends = new AutomatedSends(dataSource, sms ?? undefined, escalation, {
      zone: config.ORG_TIMEZONE,
      noticeTemplate: config.SMS_NOTICE_TEMPLATE,
      batchSize: 20,
      rules,
    });
    const robot = voiceRobotOf(config);
    const robotCalls =
      robot &&
      new RobotSubmissions(dataSource, robot, escalation, {
        defaultScript: config.VOICE_ROBOT_DEFAULT_SCRIPT,
        resultWaitMs: config.VOICE_ROBOT_RESULT_WAIT_MINUTES * 60_000,
        batchSize: 50,
        refusalBackoffMs: 15 * 60_000,
        rules,
      });
    this.loop = new PollingLoop(
      async () => (await sends.runOnce()) + (robotCalls ? await robotCalls.runOnce() : 0),
      config.OUTREACH_TIMER_INTERVAL_MS,
      (error) => logger.error({ err: error }, 'outreach timer round failed; next round retries'),
    );
  }

  onModuleInit(): void {
    this.lifecycle.onListening('outreach-timers', () => {
      this.loop.start();
      return Promise.resolve();
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }
}

/** The robot rung is worked only when the voice-robot provider is configured; without it tasks wait there. */
function voiceRobotOf(config: OutreachConfig): HttpVoiceRobotChannel | undefined {
  const { VOICE_ROBOT_BASE_URL: baseUrl, VOICE_ROBOT_KEY_ID: keyId, VOICE_ROBOT_API_SECRET: apiSecret } = config;
  if (!baseUrl || !keyId || !apiSecret) return undefined;
  return new HttpVoiceRobotChannel({ baseUrl, keyId, apiSecret, timeoutMs: config.CHANNEL_TIMEOUT_MS });
}

/** Escalation ladder, contact rules and the automated sends (SMS notices, SMS rung, robot calls). */
@Module({})
export class EscalationModule {
  static forConfig(config: OutreachConfig): DynamicModule {
    const rules: ContactRuleSettings = {
      zone: config.ORG_TIMEZONE,
      quietHours: { from: config.QUIET_HOURS_FROM, to: config.QUIET_HOURS_TO },
      frequencyCap: config.CONTACT_FREQUENCY_CAP,
      frequencyWindowMs: config.CONTACT_FREQUENCY_WINDOW_HOURS * 3600_000,
    };
    return {
      module: EscalationModule,
      global: true,
      providers: [
        { provide: SETTINGS, useValue: config },
        { provide: CONTACT_RULES, useValue: rules },
        { provide: SMS_CHANNEL, useValue: smsChannelOf(config) ?? null },
        {
          provide: ESCALATION_CONTEXT,
          inject: [Outbox],
          useFactory: (outbox: Outbox): EscalationContext => ({
            outbox,
            settings: TCM_PHONE_RULES,
            proposeNextCall: (task, after) =>
              nextCallSlot(after, task.callSlot ?? config.DEFAULT_CALL_SLOT, config.ORG_TIMEZONE),
          }),
        },
        {
          provide: WORK_TASK,
          inject: [DataSource, ESCALATION_CONTEXT],
          useFactory: (dataSource: DataSource, escalation: EscalationContext) => new WorkTask(dataSource, escalation),
        },
        AutomatedSendsWiring,
      ],
      exports: [CONTACT_RULES, ESCALATION_CONTEXT, WORK_TASK, SMS_CHANNEL],
    };
  }
}
