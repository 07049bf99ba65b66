import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { Outbox } from '@revisit/messaging';
import { REDIS_CLIENT, type RedisClient } from '@revisit/persistence';
import { type Static, Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { CHANNEL_CALLBACK_SECRETS, ChannelCallbacksController } from './channel-callbacks.controller';
import { CHANNEL_OUTCOME_LISTENER } from './channel-outcome.store';
import { channelsConfigProperties } from './channels.config';
import { HttpCtiChannel } from './phone/http-cti.channel';
import { QuestionnaireCatalogue } from './questionnaire/questionnaire-catalogue';
import { QuestionnaireController } from './questionnaire/questionnaire.controller';
import { QuestionnaireLinkSigner } from './questionnaire/questionnaire-link';
import { QuestionnaireLinkIssuer } from './questionnaire/questionnaire-link.issuer';
import { QuestionnaireLinksController } from './questionnaire/questionnaire-links.controller';
import { RecordQuestionnaireResponse } from './questionnaire/record-questionnaire-response';
import { HttpVoiceRobotChannel } from './robot/http-voice-robot.channel';
import { RobotCallOutcomes } from './robot/robot-call-outcomes';
import { RobotSurveyResponses } from './robot/robot-survey-responses';
import { WechatOaChannel } from './wechat/wechat-oa.channel';
import { WecomExternalContactChannel } from './wecom/wecom-external-contact.channel';

export type ChannelsConfig = Static<ReturnType<typeof Type.Object<typeof channelsConfigProperties>>>;

/**
 * The outreach channels a configuration turns on. Each adapter is a provider under its own class, present
 * only when its keys are set (inject with `@Optional()`); the callback routes are always mounted and answer
 * 404 for a channel that is off.
 */
@Module({})
export class ChannelsModule {
  static forConfig(config: ChannelsConfig): DynamicModule {
    const timeoutMs = config.CHANNEL_TIMEOUT_MS;
    const providers: Provider[] = [
      {
        provide: CHANNEL_CALLBACK_SECRETS,
        useValue: {
          wechatOaToken: config.WECHAT_OA_CALLBACK_TOKEN,
          ctiWebhookSecret: config.CTI_WEBHOOK_SECRET,
          voiceRobotCallbackSecret: config.VOICE_ROBOT_CALLBACK_SECRET,
        },
      },
      RobotSurveyResponses,
      { provide: CHANNEL_OUTCOME_LISTENER, useClass: RobotCallOutcomes },
    ];
    const exported: unknown[] = [];
    const add = (provider: Provider & { provide: unknown }) => {
      providers.push(provider);
      exported.push(provider.provide);
    };
    if (config.WECHAT_OA_APP_ID !== undefined && config.WECHAT_OA_APP_SECRET !== undefined) {
      const { WECHAT_OA_APP_ID: appId, WECHAT_OA_APP_SECRET: appSecret } = config;
      add({
        provide: WechatOaChannel,
        inject: [REDIS_CLIENT],
        useFactory: (redis: RedisClient) =>
          new WechatOaChannel({
            appId,
            appSecret,
            apiBase: config.WECHAT_OA_API_BASE,
            tokenGrant: config.WECHAT_OA_TOKEN_GRANT,
            timeoutMs,
            redis,
          }),
      });
    }
    if (config.WECOM_CORP_ID !== undefined && config.WECOM_CORP_SECRET !== undefined) {
      const { WECOM_CORP_ID: corpId, WECOM_CORP_SECRET: corpSecret } = config;
      add({
        provide: WecomExternalContactChannel,
        inject: [REDIS_CLIENT],
        useFactory: (redis: RedisClient) =>
          new WecomExternalContactChannel({ corpId, corpSecret, apiBase: config.WECOM_API_BASE, timeoutMs, redis }),
      });
    }
    if (config.CTI_BASE_URL && config.CTI_KEY_ID && config.CTI_API_SECRET) {
      add({
        provide: HttpCtiChannel,
        useValue: new HttpCtiChannel({
          baseUrl: config.CTI_BASE_URL,
          keyId: config.CTI_KEY_ID,
          apiSecret: config.CTI_API_SECRET,
          timeoutMs,
        }),
      });
    }
    if (config.VOICE_ROBOT_BASE_URL && config.VOICE_ROBOT_KEY_ID && config.VOICE_ROBOT_API_SECRET) {
      add({
        provide: HttpVoiceRobotChannel,
        useValue: new HttpVoiceRobotChannel({
          baseUrl: config.VOICE_ROBOT_BASE_URL,
          keyId: config.VOICE_ROBOT_KEY_ID,
          apiSecret: config.VOICE_ROBOT_API_SECRET,
          timeoutMs,
        }),
      });
    }
    // Mounted always (guarded by roles); answers 404 problem+json while questionnaire links are not configured.
    const controllers: DynamicModule['controllers'] = [ChannelCallbacksController, QuestionnaireLinksController];
    if (config.QUESTIONNAIRE_LINK_SECRET !== undefined && config.QUESTIONNAIRE_PUBLIC_BASE_URL !== undefined) {
      const signer = new QuestionnaireLinkSigner(config.QUESTIONNAIRE_LINK_SECRET);
      const catalogue = new QuestionnaireCatalogue();
      add({ provide: QuestionnaireCatalogue, useValue: catalogue });
      add({
        provide: QuestionnaireLinkIssuer,
        useValue: new QuestionnaireLinkIssuer(
          signer,
          config.QUESTIONNAIRE_PUBLIC_BASE_URL,
          config.QUESTIONNAIRE_LINK_TTL_HOURS * 3_600_000,
        ),
      });
      providers.push({
        provide: RecordQuestionnaireResponse,
        inject: [DataSource, Outbox],
        useFactory: (dataSource: DataSource, outbox: Outbox) =>
          new RecordQuestionnaireResponse(dataSource, outbox, signer, catalogue),
      });
      controllers.push(QuestionnaireController);
    }
    return { module: ChannelsModule, controllers, providers, exports: exported as DynamicModule['exports'] };
  }
}
